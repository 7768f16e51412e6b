import { getItemQuestion } from '#domain/lesson/item-question';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { findLessonItem } from '#shared/lib/find-lesson-item';

/** A moment as "6 Jan 2027, 14:05", in the teacher's time zone. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** An item's question, or its id when the lesson no longer has it. */
export function questionOf(lesson: Lesson, itemId: string): string {
  const found = findLessonItem(lesson, itemId);
  return found ? getItemQuestion(found.item) : itemId;
}
