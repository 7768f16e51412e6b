import { isAnswer, type Answer } from '../../../../domain/lesson/answers';
import { checkAnswerForItem } from '../../../../domain/lesson/check-answer';
import type { Item } from '../../../../domain/lesson/lesson-schema';
import type { LessonWork } from '../stores/self-study-store';

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Finds a lesson's item, to check a restored answer against it. */
export type FindItem = (lessonId: string, itemId: string) => Item | undefined;

/**
 * Reads the self-study work kept in the browser, keeping every well-formed answer and dropping
 * only what is damaged (hand-edited storage, a bug of an older version), so one bad entry
 * neither crashes the app nor costs the student their other answers. With `findItem`, an answer
 * that no longer fits its item (an option the lesson dropped, a repeated choice) is dropped too;
 * a forecast or claim check in progress is kept.
 */
export function restoreWork(
  persisted: unknown,
  findItem: FindItem = () => undefined,
): Record<string, LessonWork> {
  const restored: Record<string, LessonWork> = {};
  const now = new Date().toISOString();
  for (const [lessonId, stored] of Object.entries(asRecord(asRecord(persisted).workByLesson))) {
    const work = asRecord(stored);
    const answers: Record<string, Answer> = {};
    for (const [itemId, answer] of Object.entries(asRecord(work.answers))) {
      if (!isAnswer(answer)) continue;
      const item = findItem(lessonId, itemId);
      if (item && checkAnswerForItem(item, answer, { allowIncomplete: true })) continue;
      answers[itemId] = answer;
    }
    restored[lessonId] = {
      answers,
      skippedItemIds: isStringArray(work.skippedItemIds) ? work.skippedItemIds : [],
      lastSectionId: typeof work.lastSectionId === 'string' ? work.lastSectionId : null,
      startedAt: typeof work.startedAt === 'string' ? work.startedAt : now,
      updatedAt: typeof work.updatedAt === 'string' ? work.updatedAt : now,
    };
  }
  return restored;
}
