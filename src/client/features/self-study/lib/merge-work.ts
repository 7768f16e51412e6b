import type { ItemWork, LessonWork, SavedWork } from './saved-work';

const sortedKeys = (...records: readonly object[]): string[] =>
  [...new Set(records.flatMap((record) => Object.keys(record)))].sort();

/**
 * Of two copies of the same item, the later; equal times are settled the same way everywhere,
 * the copy that knows its item's fingerprint first (the same answer, once the lesson adopted it).
 */
function laterItem(a: ItemWork | undefined, b: ItemWork | undefined): ItemWork | undefined {
  if (!a || !b) return a ?? b;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  if ((a.fingerprint === undefined) !== (b.fingerprint === undefined)) {
    return a.fingerprint === undefined ? b : a;
  }
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

function mergeLessonWork(
  a: LessonWork | undefined,
  b: LessonWork | undefined,
  startedOverAt: number,
): LessonWork | undefined {
  const aItems = a?.items ?? {};
  const bItems = b?.items ?? {};
  const items: Record<string, ItemWork> = {};
  for (const itemId of sortedKeys(aItems, bItems)) {
    const item = laterItem(aItems[itemId], bItems[itemId]);
    if (item && item.at > startedOverAt) items[itemId] = item;
  }
  const sides = [a, b].filter((work): work is LessonWork => work !== undefined);
  const visited = sides
    .filter((work) => work.lastSectionId !== null && work.lastSectionAt > startedOverAt)
    .sort(
      (x, y) =>
        y.lastSectionAt - x.lastSectionAt ||
        (y.lastSectionId ?? '').localeCompare(x.lastSectionId ?? ''),
    )[0];
  // Nothing done since the last start-over: the lesson is not started in any tab.
  if (Object.keys(items).length === 0 && !visited) return undefined;
  const startedAt = Math.max(startedOverAt, 0, Math.min(...sides.map((work) => work.startedAt)));
  return {
    items,
    lastSectionId: visited?.lastSectionId ?? null,
    lastSectionAt: visited?.lastSectionAt ?? 0,
    startedAt,
  };
}

/**
 * Two copies of the saved work (this tab's and another tab's, or this tab's and the storage's)
 * as one: each item as it was last answered or skipped, and each start-over undoing everything
 * given before it. The result is the same whichever copy comes first, with keys in a fixed
 * order, so tabs that merge the same copies store the very same text.
 */
export function mergeSavedWork(a: SavedWork, b: SavedWork): SavedWork {
  const startedOverAt: Record<string, number> = {};
  for (const lessonId of sortedKeys(a.startedOverAt, b.startedOverAt)) {
    startedOverAt[lessonId] = Math.max(
      a.startedOverAt[lessonId] ?? 0,
      b.startedOverAt[lessonId] ?? 0,
    );
  }
  const workByLesson: Record<string, LessonWork> = {};
  for (const lessonId of sortedKeys(a.workByLesson, b.workByLesson)) {
    const work = mergeLessonWork(
      a.workByLesson[lessonId],
      b.workByLesson[lessonId],
      // Never started over: keep everything, even answers of unknown time (kept as 0).
      startedOverAt[lessonId] ?? -1,
    );
    if (work) workByLesson[lessonId] = work;
  }
  return { workByLesson, startedOverAt };
}

/** Whether two copies hold the same work, whatever order their keys were added in. */
export function isSameSavedWork(a: SavedWork, b: SavedWork): boolean {
  const empty: SavedWork = { workByLesson: {}, startedOverAt: {} };
  return JSON.stringify(mergeSavedWork(a, empty)) === JSON.stringify(mergeSavedWork(b, empty));
}
