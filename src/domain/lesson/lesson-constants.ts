/**
 * Plain constants of the lesson model, kept apart from the zod schemas so the client can use
 * them without bundling zod.
 */

export const SCALE_LABELS = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
] as const;

export const CLAIM_CATEGORIES = ['fact', 'opinion', 'prediction', 'analysis'] as const;

export const CLAIM_CATEGORY_LABELS: Record<(typeof CLAIM_CATEGORIES)[number], string> = {
  fact: 'Fact',
  opinion: 'Opinion',
  prediction: 'Prediction',
  analysis: 'Analysis',
};

/** A section's class minutes: its core items take 1 to 240, its extension items 0 to 240 more. */
export const SECTION_CORE_MINUTES_MIN = 1;
export const SECTION_EXTENSION_MINUTES_MIN = 0;
export const SECTION_MINUTES_MAX = 240;

/** Self-study time: the article is read at this many words a minute… */
export const READING_WORDS_PER_MINUTE = 200;
/** …and each question takes this many minutes. */
export const SELF_STUDY_MINUTES_PER_ITEM = 1;

/** A writing task's rubric: at most this many criteria, each worth 1 to WRITING_POINTS_MAX. */
export const WRITING_CRITERIA_MAX = 6;
export const WRITING_POINTS_MAX = 10;
/** A piece of writing, in characters: room for a letter of several hundred words. */
export const WRITING_TEXT_MAX = 10_000;
/** The teacher's comment on a piece of writing, in characters. */
export const WRITING_COMMENT_MAX = 2000;

/** Class statements: a statement is one short line, as on Pol.is. */
export const STATEMENT_TEXT_MAX = 140;
/** The teacher's seed statements of one class-statements item. */
export const SEED_STATEMENTS_MAX = 20;
