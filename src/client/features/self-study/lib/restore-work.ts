import { isAnswer, type Answer } from '../../../../domain/lesson/answers';
import { checkAnswerForItem } from '../../../../domain/lesson/check-answer';
import type { Item } from '../../../../domain/lesson/lesson-schema';
import type { ItemWork, LessonWork, SavedWork } from './saved-work';

/** Finds a lesson's item, to check a restored answer against it. */
export type FindItem = (itemId: string) => Item | undefined;

/**
 * An answer that is well formed and still fits its item (not an option the lesson dropped or a
 * repeated choice); a forecast or claim check in progress is kept.
 */
function keptAnswer(answer: unknown, item: Item | undefined): Answer | null {
  if (!isAnswer(answer)) return null;
  if (item && checkAnswerForItem(item, answer, { allowIncomplete: true })) return null;
  return answer;
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A time kept as a number, or as an ISO date by the first version; 0 (long ago) otherwise. */
function readTime(value: unknown): number {
  if (isTime(value)) return value;
  const parsed = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}

function readItems(work: Record<string, unknown>, findItem: FindItem): Record<string, ItemWork> {
  const items: Record<string, ItemWork> = {};
  for (const [itemId, stored] of Object.entries(asRecord(work.items))) {
    const item = asRecord(stored);
    const answer = keptAnswer(item.answer, findItem(itemId));
    const isSkipped = item.isSkipped === true;
    if (answer || isSkipped) items[itemId] = { answer, isSkipped, at: readTime(item.at) };
  }
  return items;
}

/**
 * The first version kept answers and skipped ids without times: they count as given when the
 * work was last updated.
 */
function readFirstVersionItems(
  work: Record<string, unknown>,
  findItem: FindItem,
): Record<string, ItemWork> {
  const at = readTime(work.updatedAt);
  const items: Record<string, ItemWork> = {};
  for (const [itemId, answer] of Object.entries(asRecord(work.answers))) {
    const kept = keptAnswer(answer, findItem(itemId));
    if (kept) items[itemId] = { answer: kept, isSkipped: false, at };
  }
  if (isStringArray(work.skippedItemIds)) {
    for (const itemId of work.skippedItemIds) {
      items[itemId] = { answer: items[itemId]?.answer ?? null, isSkipped: true, at };
    }
  }
  return items;
}

function readLessonWork(stored: unknown, findItem: FindItem): LessonWork {
  const work = asRecord(stored);
  const items = 'items' in work ? readItems(work, findItem) : readFirstVersionItems(work, findItem);
  const lastSectionId = typeof work.lastSectionId === 'string' ? work.lastSectionId : null;
  return {
    items,
    lastSectionId,
    lastSectionAt: lastSectionId === null ? 0 : readTime(work.lastSectionAt ?? work.updatedAt),
    startedAt: readTime(work.startedAt),
  };
}

/**
 * Reads the self-study work kept in the browser (this version's or the first one's), keeping
 * every well-formed answer and dropping only what is damaged or no longer fits its item (hand-edited storage, a bug of an
 * older version), so one bad entry neither crashes the app nor costs the student their other
 * answers.
 */
export function restoreWork(
  persisted: unknown,
  findItem: (lessonId: string, itemId: string) => Item | undefined = () => undefined,
): SavedWork {
  const state = asRecord(persisted);
  const workByLesson: Record<string, LessonWork> = {};
  for (const [lessonId, stored] of Object.entries(asRecord(state.workByLesson))) {
    workByLesson[lessonId] = readLessonWork(stored, (itemId) => findItem(lessonId, itemId));
  }
  const startedOverAt: Record<string, number> = {};
  for (const [lessonId, at] of Object.entries(asRecord(state.startedOverAt))) {
    if (isTime(at)) startedOverAt[lessonId] = at;
  }
  return { workByLesson, startedOverAt };
}
