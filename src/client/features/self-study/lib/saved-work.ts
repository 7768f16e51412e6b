import type { Answer } from '#domain/lesson/answers';

/**
 * What the student last did with one item. Times are milliseconds since 1970 on this device's
 * clock, which every tab of the browser shares: when two tabs hold different copies of an item,
 * the later one wins.
 *
 * Neither an answer nor a skip marks work dropped because a new version of the lesson changed
 * or removed the item: being later, it wins over a copy another tab still holds.
 */
export interface ItemWork {
  /** The answer as last given; kept when the item is skipped later, so nothing typed is lost. */
  readonly answer: Answer | null;
  readonly isSkipped: boolean;
  readonly at: number;
  /**
   * The fingerprint of the item as it was when answered or skipped (item-fingerprint.ts);
   * missing in work saved before fingerprints were kept, and in dropped work.
   */
  readonly fingerprint?: string;
}

/** Whether this is the mark of work dropped for a changed item, rather than work. */
export const isDroppedWork = (item: ItemWork): boolean => item.answer === null && !item.isSkipped;

/** One student's self-study work on one lesson, kept on their device. */
export interface LessonWork {
  readonly items: Readonly<Record<string, ItemWork>>;
  /** Where "resume" takes the student. */
  readonly lastSectionId: string | null;
  readonly lastSectionAt: number;
  readonly startedAt: number;
}

/** Everything self-study keeps in the browser's storage. */
export interface SavedWork {
  readonly workByLesson: Readonly<Record<string, LessonWork>>;
  /**
   * When the student last started each lesson over. Work given before that is gone in every tab,
   * even in one that still holds an older copy and saves it later.
   */
  readonly startedOverAt: Readonly<Record<string, number>>;
}

export const NO_SAVED_WORK: SavedWork = { workByLesson: {}, startedOverAt: {} };

type Items = LessonWork['items'];

export function answersOf(items: Items): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const [itemId, item] of Object.entries(items)) {
    if (item.answer) answers[itemId] = item.answer;
  }
  return answers;
}

export function skippedItemIdsOf(items: Items): string[] {
  return Object.entries(items)
    .filter(([, item]) => item.isSkipped)
    .map(([itemId]) => itemId);
}

let lastTime = 0;

/**
 * The time for a new change: never earlier than one this tab already made, so two quick
 * changes keep their order even if the clock is adjusted between them.
 */
export function changeTime(): number {
  lastTime = Math.max(Date.now(), lastTime + 1);
  return lastTime;
}
