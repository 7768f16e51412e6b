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

/** The most searches a source-checking prompt can ask for (`guidance.searches`). */
export const PROMPT_SEARCHES_MAX = 10;

/** A writing task's rubric: at most this many criteria, each worth 1 to WRITING_POINTS_MAX. */
export const WRITING_CRITERIA_MAX = 6;
export const WRITING_POINTS_MAX = 10;
/** A rubric level's descriptor, in characters: one short line, read beside a radio button. */
export const RUBRIC_LEVEL_TEXT_MAX = 200;
/** A piece of writing, in characters: room for a letter of several hundred words. */
export const WRITING_TEXT_MAX = 10_000;
/** The teacher's comment on a piece of writing, in characters. */
export const WRITING_COMMENT_MAX = 2000;

/** Class statements: a statement is one short line, as on Pol.is. */
export const STATEMENT_TEXT_MAX = 140;
/** The teacher's seed statements of one class-statements item. */
export const SEED_STATEMENTS_MAX = 20;
