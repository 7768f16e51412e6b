import { useMemo } from 'react';
import type { AnswersByItem } from '../../../../domain/lesson/answers';
import { answersOf, skippedItemIdsOf } from '../lib/saved-work';
import { useLessonWork, useSelfStudyStore } from './self-study-store';

const NO_ANSWERS: AnswersByItem = {};
const NO_SKIPS: ReadonlySet<string> = new Set();

/** A lesson's self-study work with the store's actions bound to that lesson. */
export function useSelfStudy(lessonId: string) {
  const work = useLessonWork(lessonId);
  const items = work?.items;
  const answers = useMemo(() => (items ? answersOf(items) : NO_ANSWERS), [items]);
  const skippedItemIds = useMemo(
    () => (items ? new Set(skippedItemIdsOf(items)) : NO_SKIPS),
    [items],
  );
  const answerItem = useSelfStudyStore((state) => state.answerItem);
  const skipItem = useSelfStudyStore((state) => state.skipItem);
  const visitSection = useSelfStudyStore((state) => state.visitSection);
  const startOver = useSelfStudyStore((state) => state.startOver);
  return {
    hasStarted: work !== undefined,
    answers,
    skippedItemIds,
    lastSectionId: work?.lastSectionId ?? null,
    answerItem: answerItem.bind(null, lessonId),
    skipItem: skipItem.bind(null, lessonId),
    visitSection: visitSection.bind(null, lessonId),
    startOver: startOver.bind(null, lessonId),
  };
}
