import { countWords } from './answers';

/**
 * How long a lesson takes, computed from its content by one model, in class and for a student
 * alone (version 6 of the format dropped the hand-written section minutes). The figures and
 * where they come from are in docs/lesson-format.md, "Time"; a test holds the two in step.
 *
 * - Reading: every paragraph once, at CLASS_READING_WORDS_PER_MINUTE in class (read together)
 *   and SELF_STUDY_READING_WORDS_PER_MINUTE alone (read silently).
 * - A discussion prompt: in class PROMPT_DISCUSSION_MINUTES, or longer when writing its
 *   suggested answer takes longer; alone, writing the answer (its `minWords`, or
 *   PROMPT_ANSWER_WORDS) at WRITING_WORDS_PER_MINUTE. Each search it asks for
 *   (`guidance.searches`) adds MINUTES_PER_SEARCH.
 * - A poll or a scale: MINUTES_PER_POLL, its reveal included.
 * - A claim check: MINUTES_PER_CLAIM for each claim; a forecast: MINUTES_PER_SCENARIO for each
 *   scenario.
 * - A writing task: its `minWords` (or WRITING_TASK_WORDS) at WRITING_WORDS_PER_MINUTE.
 * - Class statements: STATEMENTS_CLASS_MINUTES in class; alone the student only reads them,
 *   STATEMENTS_SELF_STUDY_MINUTES.
 *
 * Core minutes count the core items; "with extensions" every item. The reading counts in both.
 * Minutes are added up exactly and rounded up once, for the whole lesson or section.
 *
 * The types ask only for the fields used, read-only, so a lesson, a DeepReadonly one or a draft
 * being written can be passed as it is.
 */

/** Reading the article together in class (grades 9-12, read once), words a minute. */
export const CLASS_READING_WORDS_PER_MINUTE = 150;
/** Reading it silently alone, words a minute. */
export const SELF_STUDY_READING_WORDS_PER_MINUTE = 200;
/** A discussion prompt in class: the middle of 3 to 5 minutes. */
export const PROMPT_DISCUSSION_MINUTES = 4;
/** Writing, by hand or keyboard, words a minute. */
export const WRITING_WORDS_PER_MINUTE = 18;
/** A prompt's answer alone when it suggests no length: two short sentences. */
export const PROMPT_ANSWER_WORDS = 20;
/** A writing task that suggests no length: a short letter. */
export const WRITING_TASK_WORDS = 150;
/** A search a source-checking prompt asks for: the middle of 2 to 3 minutes. */
export const MINUTES_PER_SEARCH = 2.5;
/** A poll or a scale, with its reveal. */
export const MINUTES_PER_POLL = 1;
/** One claim of a claim check: read the quote, sort it, see the answer. */
export const MINUTES_PER_CLAIM = 1;
/** One scenario of a forecast: weigh it and give a probability. */
export const MINUTES_PER_SCENARIO = 1;
/** Class statements in class: write one and vote on classmates'. */
export const STATEMENTS_CLASS_MINUTES = 5;
/** Class statements alone: read the question and the statements. */
export const STATEMENTS_SELF_STUDY_MINUTES = 1;

export interface DurationParagraph {
  readonly text: string;
}

export interface DurationItem {
  readonly kind: string;
  /** True for an extension item; absent or false for a core item. */
  readonly extension?: boolean | undefined;
  /** A prompt's suggested answer length and searches. */
  readonly guidance?:
    | {
        readonly minWords?: number | null | undefined;
        readonly searches?: number | null | undefined;
      }
    | undefined;
  /** A writing task's suggested length. */
  readonly minWords?: number | null | undefined;
  readonly claims?: readonly unknown[] | undefined;
  readonly scenarios?: readonly unknown[] | undefined;
}

export interface DurationSection {
  readonly paragraphs: readonly DurationParagraph[];
  readonly items: readonly DurationItem[];
}

export interface DurationLesson {
  readonly sections: readonly DurationSection[];
}

/** Whole minutes, without and with the extension items. */
export interface MinutesRange {
  core: number;
  withExtensions: number;
}

export interface LessonDuration {
  classroom: MinutesRange;
  selfStudy: MinutesRange;
}

type Mode = keyof LessonDuration;

/** A positive whole number, or the fallback (a draft may hold anything while it is written). */
const countOr = (value: number | null | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;

const writing = (words: number): number => words / WRITING_WORDS_PER_MINUTE;

/** One item's minutes, unrounded. */
function itemMinutes(item: DurationItem, mode: Mode): number {
  switch (item.kind) {
    case 'prompt': {
      const words = countOr(item.guidance?.minWords, PROMPT_ANSWER_WORDS);
      const searches = countOr(item.guidance?.searches, 0) * MINUTES_PER_SEARCH;
      const answer =
        mode === 'classroom' ? Math.max(PROMPT_DISCUSSION_MINUTES, writing(words)) : writing(words);
      return answer + searches;
    }
    case 'poll':
    case 'scale':
      return MINUTES_PER_POLL;
    case 'claimCheck':
      return (item.claims?.length ?? 0) * MINUTES_PER_CLAIM;
    case 'forecast':
      return (item.scenarios?.length ?? 0) * MINUTES_PER_SCENARIO;
    case 'writing':
      return writing(countOr(item.minWords, WRITING_TASK_WORDS));
    case 'statements':
      return mode === 'classroom' ? STATEMENTS_CLASS_MINUTES : STATEMENTS_SELF_STUDY_MINUTES;
    default:
      return 0;
  }
}

/** One item's minutes in class and alone, unrounded: what it adds to its path's total. */
export function itemDuration(item: DurationItem): Readonly<Record<Mode, number>> {
  return { classroom: itemMinutes(item, 'classroom'), selfStudy: itemMinutes(item, 'selfStudy') };
}

const READING_WORDS_PER_MINUTE: Readonly<Record<Mode, number>> = {
  classroom: CLASS_READING_WORDS_PER_MINUTE,
  selfStudy: SELF_STUDY_READING_WORDS_PER_MINUTE,
};

/**
 * Whole minutes, rounded up. Sums of fractions such as 1/18 carry floating-point error: a
 * millionth of a minute is forgiven, so 3 exact minutes read as 3, not 4.
 */
const wholeMinutes = (minutes: number): number => Math.max(0, Math.ceil(minutes - 1e-6));

function rangeOf(sections: readonly DurationSection[], mode: Mode): MinutesRange {
  let words = 0;
  let core = 0;
  let extension = 0;
  for (const section of sections) {
    for (const paragraph of section.paragraphs) words += countWords(paragraph.text);
    for (const item of section.items) {
      if (item.extension === true) extension += itemMinutes(item, mode);
      else core += itemMinutes(item, mode);
    }
  }
  const reading = words / READING_WORDS_PER_MINUTE[mode];
  return {
    core: wholeMinutes(reading + core),
    withExtensions: wholeMinutes(reading + core + extension),
  };
}

function durationOf(sections: readonly DurationSection[]): LessonDuration {
  return { classroom: rangeOf(sections, 'classroom'), selfStudy: rangeOf(sections, 'selfStudy') };
}

/**
 * The lesson's minutes in class and on one's own. Minutes are rounded up once for the whole
 * lesson, so they can be less than the sum of its sections' rounded minutes.
 */
export function lessonDuration(lesson: DurationLesson): LessonDuration {
  return durationOf(lesson.sections);
}

/** One section's minutes, as lessonDuration counts them. */
export function sectionDuration(section: DurationSection): LessonDuration {
  return durationOf([section]);
}
