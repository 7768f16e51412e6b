import type { ClaimCategory } from './lesson-schema';
import type {
  StudentItem as Item,
  StudentLesson as Lesson,
  StudentSection as Section,
} from './answer-key-schemas';

/**
 * A student's answer to one item. Plain types with no zod, so the client can use this module
 * without bundling zod; `answer-schema.ts` validates the same shapes at the server's edge.
 */
export type Answer =
  | { readonly kind: 'prompt'; readonly text: string }
  | { readonly kind: 'poll'; readonly optionIds: readonly string[] }
  /** 1 (strongly disagree) to 5 (strongly agree). */
  | { readonly kind: 'scale'; readonly value: number }
  /** Scenario id to probability in percent; a scenario not yet given is absent. */
  | { readonly kind: 'forecast'; readonly probabilities: Readonly<Record<string, number>> }
  /** Claim id to the category the student chose. */
  | { readonly kind: 'claimCheck'; readonly categories: Readonly<Record<string, ClaimCategory>> }
  /** A piece of writing (a writing task), scored later by the teacher against its rubric. */
  | { readonly kind: 'writing'; readonly text: string };

export type AnswerFor<K extends Answer['kind']> = Extract<Answer, { kind: K }>;
export type AnswersByItem = Readonly<Record<string, Answer | undefined>>;

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/**
 * Whether a student answers the item with an answer of their own. Class statements are voted
 * on with classmates, in a live class: they are not a question a student answers alone, so
 * they count in no one's progress.
 */
export const takesAnAnswer = (item: Item): boolean => item.kind !== 'statements';

/** True when the answer is a complete answer to the item (every scenario, every claim). */
export function isItemAnswered(item: Item, answer: Answer | undefined): boolean {
  if (!answer || answer.kind !== item.kind) return false;
  switch (answer.kind) {
    case 'prompt':
    case 'writing':
      return answer.text.trim().length > 0;
    case 'poll':
      return answer.optionIds.length > 0;
    case 'scale':
      return true;
    case 'forecast':
      return item.kind === 'forecast' && item.scenarios.every((s) => s.id in answer.probabilities);
    case 'claimCheck':
      return item.kind === 'claimCheck' && item.claims.every((c) => c.id in answer.categories);
  }
}

export interface SectionProgress {
  readonly total: number;
  readonly answered: number;
  readonly skipped: number;
  /** Every item is answered or deliberately skipped: the section's summary can open. */
  readonly isComplete: boolean;
}

export function getSectionProgress(
  section: Section,
  answers: AnswersByItem,
  skippedItemIds: ReadonlySet<string>,
): SectionProgress {
  let answered = 0;
  let skipped = 0;
  const answerable = section.items.filter(takesAnAnswer);
  for (const item of answerable) {
    if (isItemAnswered(item, answers[item.id])) answered += 1;
    else if (skippedItemIds.has(item.id)) skipped += 1;
  }
  const total = answerable.length;
  return { total, answered, skipped, isComplete: answered + skipped === total };
}

export interface LessonProgress {
  readonly totalItems: number;
  readonly doneItems: number;
  readonly completeSections: number;
  /** 0 to 1: items answered or skipped, over all items. */
  readonly fraction: number;
}

export function getLessonProgress(
  lesson: Lesson,
  answers: AnswersByItem,
  skippedItemIds: ReadonlySet<string>,
): LessonProgress {
  let totalItems = 0;
  let doneItems = 0;
  let completeSections = 0;
  for (const section of lesson.sections) {
    const progress = getSectionProgress(section, answers, skippedItemIds);
    totalItems += progress.total;
    doneItems += progress.answered + progress.skipped;
    if (progress.isComplete) completeSections += 1;
  }
  return {
    totalItems,
    doneItems,
    completeSections,
    fraction: totalItems === 0 ? 0 : doneItems / totalItems,
  };
}

const isRecordOf = (value: unknown, isEntry: (entry: unknown) => boolean): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every(isEntry);

const isPercent = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;

const CATEGORIES: readonly unknown[] = ['fact', 'opinion', 'prediction', 'analysis'];

/**
 * Whether stored data is a well-formed answer: a light check without zod, for data the client
 * kept itself (the server validates what it receives with answer-schema.ts).
 */
export function isAnswer(value: unknown): value is Answer {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Record<string, unknown>;
  switch (answer.kind) {
    case 'prompt':
      return typeof answer.text === 'string';
    case 'poll':
      return (
        Array.isArray(answer.optionIds) && answer.optionIds.every((id) => typeof id === 'string')
      );
    case 'scale':
      return (
        typeof answer.value === 'number' &&
        Number.isInteger(answer.value) &&
        answer.value >= 1 &&
        answer.value <= 5
      );
    case 'forecast':
      return isRecordOf(answer.probabilities, isPercent);
    case 'claimCheck':
      return isRecordOf(answer.categories, (c) => CATEGORIES.includes(c));
    default:
      return false;
  }
}
