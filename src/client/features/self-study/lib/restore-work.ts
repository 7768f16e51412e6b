import { isAnswer, type Answer } from '#domain/lesson/answers';
import type { ItemWork, LessonWork, SavedWork } from './saved-work';

/** A well-formed answer, or null. Whether it still fits its item is for keep-work.ts to say. */
const keptAnswer = (answer: unknown): Answer | null => (isAnswer(answer) ? answer : null);

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
    const answer = keptAnswer(item.answer);
    const isSkipped = item.isSkipped === true;
    // Neither answered nor skipped, on purpose: work dropped for a changed item (saved-work.ts).
    const isDropped = item.answer === null && item.isSkipped === false;
    if (!answer && !isSkipped && !isDropped) continue;
    const at = readTime(item.at);
    items[itemId] =
      typeof item.fingerprint === 'string' && !isDropped
        ? { answer, isSkipped, at, fingerprint: item.fingerprint }
        : { answer, isSkipped, at };
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
    const kept = keptAnswer(answer);
    if (kept) items[itemId] = { answer: kept, isSkipped: false, at };
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
 * Reads the self-study work kept in the browser (this version's or an earlier one's), keeping
 * every well-formed answer and dropping only what is damaged (hand-edited storage, a bug of an
 * older version), so one bad entry neither crashes the app nor costs the student their other
 * answers. Answers that no longer fit the lesson are dropped once it is loaded (keep-work.ts).
 */
export function restoreWork(persisted: unknown): SavedWork {
  const state = asRecord(persisted);
  const workByLesson: Record<string, LessonWork> = {};
  for (const [lessonKey, stored] of Object.entries(asRecord(state.workByLesson))) {
    workByLesson[lessonKey] = readLessonWork(stored);
  }
  const startedOverAt: Record<string, number> = {};
  for (const [lessonId, at] of Object.entries(asRecord(state.startedOverAt))) {
    if (isTime(at)) startedOverAt[lessonId] = at;
  }
  return { workByLesson, startedOverAt };
}
