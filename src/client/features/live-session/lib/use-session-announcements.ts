import { useEffect, useRef } from 'react';
import type { StudentLesson as Lesson } from '#domain/lesson/answer-key-schemas';
import type { StudentSessionView } from '#domain/api/live-contracts';
import { useAnnounce } from '#shared/components/live-announcer';
import { describeSessionChanges } from './session-announcements';

/** Says, through the page's LiveAnnouncer, what the teacher changed since the view last rendered. */
export function useSessionAnnouncements(lesson: Lesson, view: StudentSessionView): void {
  const announce = useAnnounce();
  const said = useRef(view);
  useEffect(() => {
    const before = said.current;
    if (before === view) return;
    said.current = view;
    for (const message of describeSessionChanges(lesson, before, view)) announce(message);
  }, [lesson, view, announce]);
}
