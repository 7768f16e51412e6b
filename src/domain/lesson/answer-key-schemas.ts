import { z } from 'zod';
import {
  claimCategorySchema,
  claimCheckItemSchema,
  claimSchema,
  forecastItemSchema,
  forecastScenarioSchema,
  lessonSchema,
  pollItemSchema,
  promptItemSchema,
  scaleItemSchema,
  scenarioResolutionSchema,
  sectionSchema,
  statementsItemSchema,
  writingItemSchema,
} from './lesson-schema';

/*
 * The schemas of answer keys and of a lesson without them (see answer-keys.ts): apart from the
 * functions, so that the student's pages that only use the functions do not load zod.
 */

/** The key of one item: what `stripAnswerKeys` took out of it. */
export const itemAnswerKeySchema = z.discriminatedUnion('kind', [
  z.object({
    itemId: z.string(),
    kind: z.literal('claimCheck'),
    claims: z.array(
      z.object({ id: z.string(), expected: claimCategorySchema, explanation: z.string() }),
    ),
  }),
  z.object({
    itemId: z.string(),
    kind: z.literal('forecast'),
    /** null: the lesson does not know yet what happened (a forecast about the future). */
    scenarios: z.array(
      z.object({ id: z.string(), resolution: scenarioResolutionSchema.nullable() }),
    ),
  }),
  z.object({ itemId: z.string(), kind: z.literal('writing'), modelAnswer: z.string() }),
]);
export type ItemAnswerKey = z.infer<typeof itemAnswerKeySchema>;

export const studentClaimCheckItemSchema = claimCheckItemSchema.extend({
  claims: z.array(claimSchema.partial({ expected: true, explanation: true })).min(1),
});
export const studentForecastItemSchema = forecastItemSchema.extend({
  /**
   * A scenario's resolution is left out until its key is in; once it is, null says the lesson
   * does not know yet what happened.
   */
  scenarios: z
    .array(
      forecastScenarioSchema.extend({ resolution: scenarioResolutionSchema.nullable().optional() }),
    )
    .min(1),
});
export const studentWritingItemSchema = writingItemSchema.partial({ modelAnswer: true });

export const studentItemSchema = z.discriminatedUnion('kind', [
  promptItemSchema,
  pollItemSchema,
  scaleItemSchema,
  studentForecastItemSchema,
  studentClaimCheckItemSchema,
  studentWritingItemSchema,
  statementsItemSchema,
]);

export const studentSectionSchema = sectionSchema
  .extend({ items: z.array(studentItemSchema).min(1) })
  .partial({ teacherNotes: true });

/**
 * A lesson as a student gets it: the keys not yet due left out. A full lesson fits it too (the
 * teacher's copy), so an endpoint that serves both answers with it.
 */
export const studentLessonSchema = z.object({
  ...lessonSchema.shape,
  sections: z.array(studentSectionSchema).min(1),
});

export type StudentLesson = z.infer<typeof studentLessonSchema>;
export type StudentSection = z.infer<typeof studentSectionSchema>;
export type StudentItem = z.infer<typeof studentItemSchema>;
export type StudentClaimCheckItem = z.infer<typeof studentClaimCheckItemSchema>;
export type StudentForecastItem = z.infer<typeof studentForecastItemSchema>;
export type StudentWritingItem = z.infer<typeof studentWritingItemSchema>;
export type StudentClaim = StudentClaimCheckItem['claims'][number];
export type StudentForecastScenario = StudentForecastItem['scenarios'][number];
