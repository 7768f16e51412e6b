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
  type Lesson,
} from './lesson-schema';

/*
 * A lesson's answer keys are what would spoil its questions, or is the teacher's alone: each
 * claim's expected category and explanation, each forecast scenario's resolution (what
 * happened), a writing task's model answer and each section's teacher notes. Students get the
 * lesson without them (`stripAnswerKeys`); an item's key (`answerKeyOf`) reaches them once the
 * item is done in self-study or revealed in class, and `withAnswerKeys` puts it back in.
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
    scenarios: z.array(z.object({ id: z.string(), resolution: scenarioResolutionSchema })),
  }),
  z.object({ itemId: z.string(), kind: z.literal('writing'), modelAnswer: z.string() }),
]);
export type ItemAnswerKey = z.infer<typeof itemAnswerKeySchema>;

export const studentClaimCheckItemSchema = claimCheckItemSchema.extend({
  claims: z.array(claimSchema.partial({ expected: true, explanation: true })).min(1),
});
export const studentForecastItemSchema = forecastItemSchema.extend({
  scenarios: z.array(forecastScenarioSchema.partial({ resolution: true })).min(1),
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

/** The lesson without any answer key: what students get before anything is done or revealed. */
export function stripAnswerKeys(lesson: Lesson): StudentLesson {
  return {
    ...lesson,
    sections: lesson.sections.map(({ teacherNotes: _notes, ...section }) => ({
      ...section,
      items: section.items.map((item): StudentItem => {
        switch (item.kind) {
          case 'claimCheck':
            return {
              ...item,
              claims: item.claims.map(({ expected: _e, explanation: _x, ...claim }) => claim),
            };
          case 'forecast':
            return {
              ...item,
              scenarios: item.scenarios.map(({ resolution: _r, ...scenario }) => scenario),
            };
          case 'writing': {
            const { modelAnswer: _m, ...rest } = item;
            return rest;
          }
          default:
            return item;
        }
      }),
    })),
  };
}

/** The key of one of the lesson's items; null when the lesson has no such item or it has none. */
export function answerKeyOf(lesson: Lesson, itemId: string): ItemAnswerKey | null {
  const item = lesson.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  switch (item?.kind) {
    case 'claimCheck':
      return {
        itemId,
        kind: 'claimCheck',
        claims: item.claims.map(({ id, expected, explanation }) => ({ id, expected, explanation })),
      };
    case 'forecast':
      return {
        itemId,
        kind: 'forecast',
        scenarios: item.scenarios.map(({ id, resolution }) => ({ id, resolution })),
      };
    case 'writing':
      return { itemId, kind: 'writing', modelAnswer: item.modelAnswer };
    default:
      return null;
  }
}

/** The lesson with these items' keys put back (a key for another lesson's item is ignored). */
export function withAnswerKeys(
  lesson: StudentLesson,
  keys: readonly ItemAnswerKey[],
): StudentLesson {
  if (keys.length === 0) return lesson;
  const byItem = new Map(keys.map((key) => [key.itemId, key]));
  return {
    ...lesson,
    sections: lesson.sections.map((section) => ({
      ...section,
      items: section.items.map((item): StudentItem => {
        const key = byItem.get(item.id);
        if (item.kind === 'claimCheck' && key?.kind === 'claimCheck') {
          const claims = new Map(key.claims.map((claim) => [claim.id, claim]));
          return {
            ...item,
            claims: item.claims.map((claim) => ({
              ...claim,
              ...claims.get(claim.id),
              id: claim.id,
            })),
          };
        }
        if (item.kind === 'forecast' && key?.kind === 'forecast') {
          const scenarios = new Map(key.scenarios.map((s) => [s.id, s.resolution]));
          return {
            ...item,
            scenarios: item.scenarios.map((scenario) => {
              const resolution = scenarios.get(scenario.id);
              return resolution ? { ...scenario, resolution } : scenario;
            }),
          };
        }
        if (item.kind === 'writing' && key?.kind === 'writing') {
          return { ...item, modelAnswer: key.modelAnswer };
        }
        return item;
      }),
    })),
  };
}
