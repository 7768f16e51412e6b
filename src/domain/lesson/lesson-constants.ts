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
