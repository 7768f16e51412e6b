import { z } from 'zod';
import { percentSchema } from '../lesson/answer-schema';
import type { DeepReadonly } from '../live/deep-readonly';

/**
 * Forecasts that live past the lesson (issue 26): a class's questions stay open until their
 * close date, students update them with a reason, the teacher resolves each scenario and
 * everyone is scored by time-weighted Brier. Days are UTC calendar days, `YYYY-MM-DD`.
 * The words (question, version, open/closed/resolved) are those of src/domain/forecasting/.
 */

export const FORECAST_QUESTION_STATUSES = ['open', 'closed', 'resolved'] as const;
export type ForecastQuestionStatus = (typeof FORECAST_QUESTION_STATUSES)[number];

export const SCENARIO_OUTCOMES = ['yes', 'no', 'annulled'] as const;
export type ScenarioOutcome = (typeof SCENARIO_OUTCOMES)[number];

export const LEADERBOARD_MODES = ['off', 'pseudonyms', 'names'] as const;
export type LeaderboardMode = (typeof LEADERBOARD_MODES)[number];

/** Where a scenario's outcome comes from: the teacher's resolution, or the lesson itself. */
export const RESOLUTION_SOURCES = ['teacher', 'lesson'] as const;

export const FORECAST_REASON_MAX_LENGTH = 280;
export const CLASS_NAME_MAX_LENGTH = 80;
export const TEAM_NAME_MAX_LENGTH = 60;
export const FORECAST_TEAMS_MAX = 100;
export const SOURCE_URL_MAX_LENGTH = 2000;

/** A UTC calendar day. */
export const isoDaySchema = z.iso.date('must be a day written YYYY-MM-DD');
const isoTime = z.string();
const count = z.number().int().min(0);
const score = z.number().min(0).nullable();

const trimmed = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);

// --- Classes -----------------------------------------------------------------------------

export const forecastClassSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: isoTime,
  /** The class's sessions, newest first. */
  sessionIds: z.array(z.string()),
});
export type ForecastClass = z.infer<typeof forecastClassSchema>;

export const classListSchema = z.object({ classes: z.array(forecastClassSchema) });

export const classNameRequestSchema = z.object({
  name: trimmed(CLASS_NAME_MAX_LENGTH, 'name').regex(
    /^[^\r\n]*$/,
    'name must be one line, without line breaks',
  ),
});

export const setSessionClassRequestSchema = z.object({
  /** null takes the session out of its class (it is then a class of its own). */
  classId: z.uuid('classId must be a class id').nullable(),
});

// --- What every view shares -----------------------------------------------------------------

export const scenarioResolutionViewSchema = z.object({
  outcome: z.enum(SCENARIO_OUTCOMES),
  /** The day the outcome became known; scoring stops there when it is before the close date. */
  resolvedOn: isoDaySchema,
  sourceUrl: z.string().nullable(),
  source: z.enum(RESOLUTION_SOURCES),
});
export type ScenarioResolutionView = z.infer<typeof scenarioResolutionViewSchema>;

/** A step series: a point on each day the value changed, from the first day it had one. */
export const dayPercentSchema = z.object({ day: isoDaySchema, percent: z.number() });
export type DayPercent = z.infer<typeof dayPercentSchema>;

/** Time-weighted Brier and log score (natural log, percents clipped to 1-99); lower is better. */
export const forecastScoreSchema = z.object({ timeWeightedBrier: score, logScore: score });
export type ForecastScore = z.infer<typeof forecastScoreSchema>;

export const forecastScenarioViewSchema = z.object({
  id: z.string(),
  statement: z.string(),
  /** null while the scenario is unresolved. */
  resolution: scenarioResolutionViewSchema.nullable(),
  /** The class's median standing forecast over time. */
  classMedian: z.array(dayPercentSchema),
  /** The median series' own score once resolved (null otherwise, and when annulled). */
  classScore: forecastScoreSchema.nullable(),
});

export const forecastVersionSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  probabilities: z.record(z.string(), percentSchema),
  reason: z.string().nullable(),
  madeAt: isoTime,
  /** The answer given in class (one version, replaced while the session is open). */
  inClass: z.boolean(),
});
export type ForecastVersion = z.infer<typeof forecastVersionSchema>;

export const forecastQuestionBaseSchema = z.object({
  sessionId: z.string(),
  lessonTitle: z.string(),
  itemId: z.string(),
  question: z.string(),
  asOf: isoDaySchema,
  horizon: isoDaySchema,
  /** The session's first day. */
  opensOn: isoDaySchema,
  /** Forecasts are accepted through the end of this day; null while it is "when the session ends". */
  closesOn: isoDaySchema.nullable(),
  /** The teacher set closesOn (otherwise it follows the default rule). */
  isCloseDateSet: z.boolean(),
  status: z.enum(FORECAST_QUESTION_STATUSES),
  scenarios: z.array(forecastScenarioViewSchema),
  /** How many students have forecast it. */
  forecasterCount: count,
  /** The class median's score over the resolved scenarios; null until one is resolved. */
  classScore: forecastScoreSchema.nullable(),
});
export type ForecastQuestionBase = z.infer<typeof forecastQuestionBaseSchema>;

export const calibrationBinSchema = z.object({
  from: z.number(),
  to: z.number(),
  forecasts: count,
  happened: count,
  meanProbability: z.number().nullable(),
  observedRate: z.number().nullable(),
});

/** Murphy's decomposition over the bins: mean Brier ~= reliability - resolution + uncertainty. */
export const brierDecompositionSchema = z.object({
  reliability: z.number(),
  resolution: z.number(),
  uncertainty: z.number(),
  meanBrier: z.number(),
});

/** Final standing forecasts of resolved, not annulled scenarios against their outcomes. */
export const forecastCalibrationSchema = z.object({
  bins: z.array(calibrationBinSchema),
  forecastCount: count,
  /** null with no resolved forecast. */
  decomposition: brierDecompositionSchema.nullable(),
});
export type ForecastCalibration = z.infer<typeof forecastCalibrationSchema>;

export const scenarioScoreSchema = forecastScoreSchema.extend({ scenarioId: z.string() });

// --- The teacher's view ------------------------------------------------------------------------

export const forecastStudentRowSchema = z.object({
  participantId: z.string(),
  label: z.string(),
  versionCount: count,
  latest: forecastVersionSchema.nullable(),
  /** Mean over the resolved scenarios; null without a version or a resolved scenario. */
  timeWeightedBrier: score,
  logScore: score,
});

export const teacherForecastQuestionSchema = forecastQuestionBaseSchema.extend({
  students: z.array(forecastStudentRowSchema),
});
export type TeacherForecastQuestion = z.infer<typeof teacherForecastQuestionSchema>;

export const forecastTeamSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  name: z.string(),
  members: z.array(z.object({ participantId: z.string(), label: z.string() })),
  /** Mean over the session's resolved questions of the team's (members' median) score. */
  score: forecastScoreSchema,
});
export type ForecastTeam = z.infer<typeof forecastTeamSchema>;

export const forecastSessionSchema = z.object({
  id: z.string(),
  lessonTitle: z.string(),
  status: z.enum(['open', 'ended']),
  createdAt: isoTime,
  endedAt: isoTime.nullable(),
  leaderboard: z.enum(LEADERBOARD_MODES),
  participants: z.array(
    z.object({ participantId: z.string(), label: z.string(), isOptedIn: z.boolean() }),
  ),
});

export const forecastScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('class'), classId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('session'), sessionId: z.string() }),
]);

export const teacherForecastsViewSchema = z.object({
  scope: forecastScopeSchema,
  /** The server's today (UTC): what open and closed are judged by. */
  today: isoDaySchema,
  sessions: z.array(forecastSessionSchema),
  /** Oldest session first, then in lesson order. */
  questions: z.array(teacherForecastQuestionSchema),
  /** Of the class median's final forecasts. */
  classCalibration: forecastCalibrationSchema,
  teams: z.array(forecastTeamSchema),
});
export type TeacherForecastsView = DeepReadonly<z.infer<typeof teacherForecastsViewSchema>>;

// --- The student's view ------------------------------------------------------------------------

export const myForecastScoreSchema = forecastScoreSchema.extend({
  scenarios: z.array(scenarioScoreSchema),
});

export const studentForecastQuestionSchema = forecastQuestionBaseSchema.extend({
  /** Every version, oldest first. */
  myVersions: z.array(forecastVersionSchema),
  /** null until a scenario is resolved (and when the student never forecast it). */
  myScore: myForecastScoreSchema.nullable(),
});

export const leaderboardEntrySchema = z.object({
  rank: z.number().int().min(1),
  /** The pseudonym, or the name when the teacher chose names. */
  name: z.string(),
  timeWeightedBrier: z.number(),
  resolvedQuestionCount: count,
  isMe: z.boolean(),
});

export const studentForecastsViewSchema = z.object({
  sessionId: z.string(),
  lessonTitle: z.string(),
  sessionStatus: z.enum(['open', 'ended']),
  today: isoDaySchema,
  me: z.object({ participantId: z.string(), label: z.string() }),
  questions: z.array(studentForecastQuestionSchema),
  myCalibration: forecastCalibrationSchema,
  classCalibration: forecastCalibrationSchema,
  team: z
    .object({
      name: z.string(),
      memberLabels: z.array(z.string()),
      score: forecastScoreSchema,
    })
    .nullable(),
  leaderboard: z.object({
    mode: z.enum(LEADERBOARD_MODES),
    isOptedIn: z.boolean(),
    /** Opted-in students with a score, best first; empty when the mode is off. */
    entries: z.array(leaderboardEntrySchema),
  }),
});
export type StudentForecastsView = DeepReadonly<z.infer<typeof studentForecastsViewSchema>>;

// --- Requests ---------------------------------------------------------------------------------

export const forecastUpdateRequestSchema = z.object({
  /** Every scenario of the item, 0-100. */
  probabilities: z.record(z.string().max(64), percentSchema),
  /** One line, 1-280 characters; required on every update after the first version. */
  reason: z
    .string()
    .trim()
    .max(
      FORECAST_REASON_MAX_LENGTH,
      `reason must be at most ${FORECAST_REASON_MAX_LENGTH} characters`,
    )
    .regex(/^[^\r\n]*$/, 'reason must be one line, without line breaks')
    .optional(),
});
export type ForecastUpdateRequest = z.input<typeof forecastUpdateRequestSchema>;

export const closeDateRequestSchema = z.object({
  /** null returns to the default rule (the horizon, or the session's end). */
  closesOn: isoDaySchema.nullable(),
});
export type CloseDateRequest = z.infer<typeof closeDateRequestSchema>;

const sourceUrlSchema = z
  .url({ protocol: /^https?$/, error: 'sourceUrl must be an http or https address' })
  .max(SOURCE_URL_MAX_LENGTH);

export const scenarioResolutionRequestSchema = z
  .object({
    outcome: z.enum(SCENARIO_OUTCOMES),
    resolvedOn: isoDaySchema,
    /** Required for yes and no, optional for annulled. */
    sourceUrl: sourceUrlSchema.optional(),
  })
  .refine((resolution) => resolution.outcome === 'annulled' || resolution.sourceUrl !== undefined, {
    message: 'sourceUrl is required for a yes or no outcome',
    path: ['sourceUrl'],
  });

export const resolutionRequestSchema = z.object({
  /** Some or all scenarios; null removes the teacher's resolution of that scenario. */
  scenarios: z.record(z.string().max(64), scenarioResolutionRequestSchema.nullable()),
});
export type ResolutionRequest = z.infer<typeof resolutionRequestSchema>;

export const forecastTeamsRequestSchema = z.object({
  teams: z
    .array(
      z.object({
        name: trimmed(TEAM_NAME_MAX_LENGTH, 'team name'),
        participantIds: z.array(z.uuid('participantIds must be student ids')).max(1000),
      }),
    )
    .max(FORECAST_TEAMS_MAX),
});
export type ForecastTeamsRequest = z.infer<typeof forecastTeamsRequestSchema>;
export const forecastTeamsResponseSchema = z.object({ teams: z.array(forecastTeamSchema) });

export const leaderboardModeSchema = z.object({ mode: z.enum(LEADERBOARD_MODES) });

export const leaderboardOptInSchema = z.object({ optIn: z.boolean() });

// --- The teacher's home --------------------------------------------------------------------

export const dueForecastsSchema = z.object({
  /** Past their close date and not resolved, the longest waiting first. */
  questions: z.array(
    z.object({
      sessionId: z.string(),
      lessonTitle: z.string(),
      classId: z.string().nullable(),
      className: z.string().nullable(),
      itemId: z.string(),
      question: z.string(),
      closesOn: isoDaySchema,
      unresolvedScenarioCount: count,
    }),
  ),
});
export type DueForecasts = z.infer<typeof dueForecastsSchema>;
