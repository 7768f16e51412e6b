import { isAnswer } from '../../../../domain/lesson/answers';
import type { ItemWork, LessonWork, SavedWork } from './saved-work';

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

function readItems(work: Record<string, unknown>): Record<string, ItemWork> {
  const items: Record<string, ItemWork> = {};
  for (const [itemId, stored] of Object.entries(asRecord(work.items))) {
    const item = asRecord(stored);
    const answer = isAnswer(item.answer) ? item.answer : null;
    const isSkipped = item.isSkipped === true;
    if (answer || isSkipped) items[itemId] = { answer, isSkipped, at: readTime(item.at) };
  }
  return items;
}

/**
 * The first version kept answers and skipped ids without times: they count as given when the
 * work was last updated.
 */
function readFirstVersionItems(work: Record<string, unknown>): Record<string, ItemWork> {
  const at = readTime(work.updatedAt);
  const items: Record<string, ItemWork> = {};
  for (const [itemId, answer] of Object.entries(asRecord(work.answers))) {
    if (isAnswer(answer)) items[itemId] = { answer, isSkipped: false, at };
  }
  if (isStringArray(work.skippedItemIds)) {
    for (const itemId of work.skippedItemIds) {
      items[itemId] = { answer: items[itemId]?.answer ?? null, isSkipped: true, at };
    }
  }
  return items;
}

function readLessonWork(stored: unknown): LessonWork {
  const work = asRecord(stored);
  const items = 'items' in work ? readItems(work) : readFirstVersionItems(work);
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
 * every well-formed answer and dropping only what is damaged (hand-edited storage, a bug of an
 * older version), so one bad entry neither crashes the app nor costs the student their other
 * answers.
 */
export function restoreWork(persisted: unknown): SavedWork {
  const state = asRecord(persisted);
  const workByLesson: Record<string, LessonWork> = {};
  for (const [lessonId, stored] of Object.entries(asRecord(state.workByLesson))) {
    workByLesson[lessonId] = readLessonWork(stored);
  }
  const startedOverAt: Record<string, number> = {};
  for (const [lessonId, at] of Object.entries(asRecord(state.startedOverAt))) {
    if (isTime(at)) startedOverAt[lessonId] = at;
  }
  return { workByLesson, startedOverAt };
}
