import { checkAnswerForItem } from '../../../../domain/lesson/check-answer';
import type { Item, Lesson } from '../../../../domain/lesson/lesson-schema';
import { lessonFingerprints } from './item-fingerprint';
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

function keepItem(
  work: ItemWork,
  item: Item | undefined,
  fingerprint: string | undefined,
  droppedAt: number,
): ItemWork {
  if (isDroppedWork(work)) return work;
  const isSameItem =
    item !== undefined &&
    fingerprint !== undefined &&
    // Work saved before fingerprints were kept was given to the lesson as it is now, as far as
    // anyone can tell: the first version to load adopts it, if the answer still fits.
    (work.fingerprint === fingerprint || work.fingerprint === undefined);
  const fits =
    work.answer === null ||
    (item !== undefined && !checkAnswerForItem(item, work.answer, { allowIncomplete: true }));
  if (!isSameItem || !fits) {
    // Later than the work it drops, so it wins over a copy another tab still holds.
    return { answer: null, isSkipped: false, at: Math.max(droppedAt, work.at + 1) };
  }
  return work.fingerprint === undefined ? { ...work, fingerprint } : work;
}

/**
 * A lesson's saved work measured against the version of the lesson now loaded: answers and skips
 * of items that did not change are kept; those of items that changed, or that the version no
 * longer has, are dropped (marked dropped at `droppedAt`), as are answers that no longer fit
 * their item. The same object when nothing changes.
 */
export function keepWork(work: LessonWork, lesson: Lesson, droppedAt: number): LessonWork {
  const fingerprints = lessonFingerprints(lesson);
  const items = itemsOf(lesson);
  let hasChanged = false;
  const kept: Record<string, ItemWork> = {};
  for (const [itemId, itemWork] of Object.entries(work.items)) {
    const next = keepItem(itemWork, items.get(itemId), fingerprints.get(itemId), droppedAt);
    if (next !== itemWork) hasChanged = true;
    kept[itemId] = next;
  }
  return hasChanged ? { ...work, items: kept } : work;
}
