import { countWords } from './answers';
import { READING_WORDS_PER_MINUTE, SELF_STUDY_MINUTES_PER_ITEM } from './lesson-constants';

/**
 * How long a lesson takes, computed from the lesson itself (version 2 of the format dropped the
 * hand-written estimate):
 *
 * - in class, the minutes the teacher gave each section: `minutes.core` for its core items, plus
 *   `minutes.extension` when the extension items are done too;
 * - on one's own, reading every paragraph at READING_WORDS_PER_MINUTE words a minute plus
 *   SELF_STUDY_MINUTES_PER_ITEM for each item (core items only, or every item), rounded up.
 *
 * The types ask only for the fields used, read-only, so a lesson, a DeepReadonly one or a draft
 * being written can be passed as it is.
 */

export interface DurationParagraph {
  readonly text: string;
}

export interface DurationItem {
  readonly kind: string;
  /** True for an extension item; absent or false for a core item. */
  readonly extension?: boolean | undefined;
}

export interface DurationSection {
  readonly minutes: { readonly core: number; readonly extension: number };
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

/** What self-study time is made of, in whole units, so the minutes are rounded once. */
interface SelfStudyParts {
  words: number;
  coreItems: number;
  extensionItems: number;
}

function selfStudyParts(sections: readonly DurationSection[]): SelfStudyParts {
  const parts: SelfStudyParts = { words: 0, coreItems: 0, extensionItems: 0 };
  for (const section of sections) {
    for (const paragraph of section.paragraphs) parts.words += countWords(paragraph.text);
    for (const item of section.items) {
      if (item.extension === true) parts.extensionItems += 1;
      else parts.coreItems += 1;
    }
  }
  return parts;
}

/** Reading time plus the items' minutes, rounded up; integer arithmetic, so exact. */
function selfStudyMinutes(words: number, items: number): number {
  const perMinute = READING_WORDS_PER_MINUTE;
  return Math.ceil((words + items * SELF_STUDY_MINUTES_PER_ITEM * perMinute) / perMinute);
}

function durationOf(sections: readonly DurationSection[]): LessonDuration {
  let core = 0;
  let extension = 0;
  for (const section of sections) {
    core += section.minutes.core;
    extension += section.minutes.extension;
  }
  const { words, coreItems, extensionItems } = selfStudyParts(sections);
  return {
    classroom: { core, withExtensions: core + extension },
    selfStudy: {
      core: selfStudyMinutes(words, coreItems),
      withExtensions: selfStudyMinutes(words, coreItems + extensionItems),
    },
  };
}

/**
 * The lesson's minutes in class and on one's own. Self-study minutes are rounded up once for
 * the whole lesson, so they can be less than the sum of its sections' rounded minutes.
 */
export function lessonDuration(lesson: DurationLesson): LessonDuration {
  return durationOf(lesson.sections);
}

/** One section's minutes, as lessonDuration counts them. */
export function sectionDuration(section: DurationSection): LessonDuration {
  return durationOf([section]);
}
