import { z } from 'zod';
import { WRITING_TEXT_MAX } from './lesson-constants';
import { claimCategorySchema } from './lesson-schema';

/** A probability in percent, as students enter it. */
export const percentSchema = z.number().min(0).max(100);

/** Validates an answer at a boundary (a request body, a stored record). */
export const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prompt'), text: z.string().max(5000) }),
  z.object({ kind: z.literal('poll'), optionIds: z.array(z.string().max(64)).max(50) }),
  z.object({ kind: z.literal('scale'), value: z.number().int().min(1).max(5) }),
  z.object({
    kind: z.literal('forecast'),
    probabilities: z.record(z.string().max(64), percentSchema),
  }),
  z.object({
    kind: z.literal('claimCheck'),
    categories: z.record(z.string().max(64), claimCategorySchema),
  }),
  z.object({ kind: z.literal('writing'), text: z.string().max(WRITING_TEXT_MAX) }),
]);
