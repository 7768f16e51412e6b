import { z } from 'zod';
import type { DeepReadonly } from '../live/deep-readonly';
import { LIMITS } from '../live/live-constants';
import { WALL_REPLY_KINDS } from '../live/wall-replies';

/**
 * Shapes the live views and the dashboard share: results of items, forecast scores and the
 * responses on a wall. Kept apart so that neither contract file imports the other.
 */

const count = z.number().int().min(0);

/** Per-option counts of a poll or scale, or the spread of a forecast's scenarios. */
export const itemResultsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('choice'),
    itemId: z.string(),
    responses: count,
    counts: z.array(z.object({ key: z.string(), count })),
  }),
  z.object({
    kind: z.literal('forecast'),
    itemId: z.string(),
    responses: count,
    scenarios: z.array(
      z.object({
        scenarioId: z.string(),
        mean: z.number().nullable(),
        median: z.number().nullable(),
        count,
        /** How many forecasts fell in each tenth: 0-10 %, 10-20 %, ..., 90-100 %. */
        buckets: z.array(count),
      }),
    ),
  }),
  z.object({
    kind: z.literal('claimCheck'),
    itemId: z.string(),
    responses: count,
    claims: z.array(z.object({ claimId: z.string(), asExpected: count })),
  }),
  z.object({ kind: z.literal('text'), itemId: z.string(), responses: count }),
]);
export type ItemResults = DeepReadonly<z.infer<typeof itemResultsSchema>>;

/** The outcome of one forecast scenario, as the teacher reveals it (edited or as the lesson has it). */
export const scenarioOutcomeSchema = z.object({
  happened: z.boolean(),
  text: z
    .string()
    .trim()
    .min(1, 'outcome text must not be empty')
    .max(LIMITS.summaryLength, `outcome text must be at most ${LIMITS.summaryLength} characters`),
});
export type ScenarioOutcome = z.infer<typeof scenarioOutcomeSchema>;

const scenarioScoreSchema = z.object({
  scenarioId: z.string(),
  happened: z.boolean(),
  /** The class's mean forecast, percent. */
  classMean: z.number().nullable(),
  /** The class's mean Brier score on this scenario. */
  classBrier: z.number().nullable(),
});

const calibrationRowSchema = z.object({
  from: z.number(),
  to: z.number(),
  forecasts: count,
  happened: count,
  meanProbability: z.number().nullable(),
  observedRate: z.number().nullable(),
});
export type CalibrationRow = DeepReadonly<z.infer<typeof calibrationRowSchema>>;

/** Forecast scores once outcomes are revealed: the class's, and (for a student) their own. */
export const forecastScoresSchema = z.object({
  itemId: z.string(),
  outcomes: z.record(z.string(), scenarioOutcomeSchema),
  scenarios: z.array(scenarioScoreSchema),
  classMeanBrier: z.number().nullable(),
  /** For a student: their own Brier per scenario and mean; absent in the teacher's copy. */
  mine: z
    .object({
      perScenario: z.record(z.string(), z.number()),
      meanBrier: z.number().nullable(),
    })
    .optional(),
  /** For the teacher: each student's mean Brier score, and the class's calibration. */
  students: z
    .array(
      z.object({ participantId: z.string(), label: z.string(), meanBrier: z.number().nullable() }),
    )
    .optional(),
  calibration: z.array(calibrationRowSchema).optional(),
});
export type ForecastScores = DeepReadonly<z.infer<typeof forecastScoresSchema>>;

/** One open response (an answer to a prompt) on a wall: the class's, the projector's. */
export const wallResponseSchema = z.object({
  /**
   * Opaque, and different for each prompt one student answers, so that with names hidden a
   * student's responses cannot be linked to one another.
   */
  responseId: z.string(),
  /**
   * The author as the wall shows them: the label ("Sam (2)") when names are shown, and always
   * to the teacher; the pseudonym when pseudonyms are; null when anonymous.
   */
  label: z.string().nullable(),
  itemId: z.string(),
  text: z.string(),
  isHidden: z.boolean(),
  isSpotlighted: z.boolean(),
  updatedAt: z.string(),
});
export type WallResponse = DeepReadonly<z.infer<typeof wallResponseSchema>>;

export const wallReplyKindSchema = z.enum(WALL_REPLY_KINDS);

/** A student's reply to a classmate's response, threaded under it. */
const wallReplySchema = z.object({
  /** Random, so it says nothing about who wrote it. */
  replyId: z.string(),
  kind: wallReplyKindSchema,
  text: z.string(),
  /** The author as the session shows classmates: name, pseudonym, or null when anonymous. */
  label: z.string().nullable(),
  createdAt: z.string(),
});

/** A reply on a student's wall: whether it is the student's own, and no author id. */
export const classWallReplySchema = wallReplySchema.extend({ isMine: z.boolean() });
export type ClassWallReply = DeepReadonly<z.infer<typeof classWallReplySchema>>;

/** A reply as the teacher sees it: the real name (label), the author's id, hidden or not. */
export const teacherWallReplySchema = wallReplySchema.extend({
  participantId: z.string(),
  /** The author's pseudonym while the session shows pseudonyms, else null. */
  pseudonym: z.string().nullable(),
  isHidden: z.boolean(),
});
export type TeacherWallReply = DeepReadonly<z.infer<typeof teacherWallReplySchema>>;

/** A response as the teacher's own views show it: with the student it came from, and replies. */
export const teacherWallResponseSchema = wallResponseSchema.extend({
  participantId: z.string(),
  /** The author's pseudonym while the session shows pseudonyms, else null. */
  pseudonym: z.string().nullable(),
  /** Every reply, hidden ones included, oldest first. */
  replies: z.array(teacherWallReplySchema),
});
export type TeacherWallResponse = DeepReadonly<z.infer<typeof teacherWallResponseSchema>>;

/** A response on a student's wall: whether it is the student's own, its replies, no author id. */
export const classWallResponseSchema = wallResponseSchema.extend({
  isMine: z.boolean(),
  /** The replies the teacher has not hidden, oldest first. */
  replies: z.array(classWallReplySchema),
});
export type ClassWallResponse = DeepReadonly<z.infer<typeof classWallResponseSchema>>;

/** The teacher's feedback on a student's writing task: points per rubric criterion, a comment. */
export const writingFeedbackSchema = z.object({
  itemId: z.string(),
  /** Rubric criterion id to the points given (0 to the criterion's points). */
  scores: z.record(z.string(), z.number().int().min(0)),
  comment: z.string(),
  /** When the student could first see it; null while it is the teacher's only. */
  releasedAt: z.string().nullable(),
});
export type WritingFeedback = DeepReadonly<z.infer<typeof writingFeedbackSchema>>;
