import type { Answer } from '#domain/lesson/answers';
import type {
  StudentItem as Item,
  StudentLesson as Lesson,
} from '#domain/lesson/answer-key-schemas';
import { lessonFingerprints, wholeItemFingerprint } from './item-fingerprint';
import { isDroppedWork, type ItemWork, type LessonWork } from './saved-work';

const itemsByLesson = new WeakMap<Lesson, ReadonlyMap<string, Item>>();

function itemsOf(lesson: Lesson): ReadonlyMap<string, Item> {
  let items = itemsByLesson.get(lesson);
  if (!items) {
    items = new Map(lesson.sections.flatMap((section) => section.items.map((i) => [i.id, i])));
    itemsByLesson.set(lesson, items);
  }
  return items;
}

/**
 * Whether an answer still fits its item (check-answer.ts, passed in so that the first download
 * does without it: only work saved before fingerprints needs it).
 */
export type AnswerFits = (item: Item, answer: Answer) => boolean;

function keepItem(
  work: ItemWork,
  item: Item | undefined,
  fingerprint: string | undefined,
  droppedAt: number,
  fits: AnswerFits | undefined,
): ItemWork {
  if (isDroppedWork(work)) return work;
  // Later than the work it drops, so it wins over a copy another tab still holds.
  const dropped = { answer: null, isSkipped: false, at: Math.max(droppedAt, work.at + 1) };
  if (item === undefined || fingerprint === undefined) return dropped;
  if (work.fingerprint === fingerprint) return work;
  if (work.fingerprint !== undefined) {
    return work.fingerprint === wholeItemFingerprint(item) ? { ...work, fingerprint } : dropped;
  }
  // Work saved before fingerprints were kept was given to the lesson as it is now, as far as
  // anyone can tell: it is adopted if the answer still fits, once `fits` can say.
  if (!fits) return work;
  return work.answer === null || fits(item, work.answer) ? { ...work, fingerprint } : dropped;
}

/**
 * A lesson's saved work measured against the version of the lesson now loaded: answers and skips
 * of items that did not change are kept; those of items that changed, or that the version no
 * longer has, are dropped (marked dropped at `droppedAt`). Work saved before fingerprints is
 * adopted with its item's fingerprint, or dropped when its answer no longer fits, given `fits`;
 * without it, it is left as it is. The same object when nothing changes.
 */
export function keepWork(
  work: LessonWork,
  lesson: Lesson,
  droppedAt: number,
  fits?: AnswerFits,
): LessonWork {
  const fingerprints = lessonFingerprints(lesson);
  const items = itemsOf(lesson);
  let hasChanged = false;
  const kept: Record<string, ItemWork> = {};
  for (const [itemId, itemWork] of Object.entries(work.items)) {
    const next = keepItem(itemWork, items.get(itemId), fingerprints.get(itemId), droppedAt, fits);
    if (next !== itemWork) hasChanged = true;
    kept[itemId] = next;
  }
  return hasChanged ? { ...work, items: kept } : work;
}

/** Whether some of the work was saved before fingerprints were kept (keepWork needs `fits`). */
export const hasWorkWithoutFingerprints = (work: LessonWork): boolean =>
  Object.values(work.items).some((item) => item.fingerprint === undefined && !isDroppedWork(item));
