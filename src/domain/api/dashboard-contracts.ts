import { z } from 'zod';
import { teacherForecastQuestionSchema } from './forecast-contracts';
import { answerSchema } from '../lesson/answer-schema';
import { WRITING_COMMENT_MAX } from '../lesson/lesson-constants';
import type { DeepReadonly } from '../live/deep-readonly';
import { SPEAKING_TURN_KINDS } from '../live/speaking-turns';
import { WALL_IDENTITIES } from '../live/wall-identity';
import { WALL_REPLY_MAX_LENGTH } from '../live/wall-replies';
import { sessionSummarySchema } from './live-contracts';
import {
  forecastScoresSchema,
  itemResultsSchema,
  scenarioOutcomeSchema,
  teacherWallResponseSchema,
  wallReplyKindSchema,
  wallResponseSchema,
  writingFeedbackSchema,
} from './result-contracts';

/**
 * Shapes of the teacher dashboard's API (monitor, response wall, themes, forecast outcomes,
 * reports), shared by server and client; the endpoints are in api-endpoints.ts.
 */

export {
  type CalibrationRow,
  type ClassWallReply,
  type ClassWallResponse,
  type ForecastScores,
  type ScenarioOutcome,
  type TeacherWallReply,
  type TeacherWallResponse,
  type WallResponse,
} from './result-contracts';

const count = z.number().int().min(0);

export const wallIdentitySchema = z.enum(WALL_IDENTITIES);

export const wallResponsesResponseSchema = z.object({
  responses: z.array(teacherWallResponseSchema),
  wallIdentity: wallIdentitySchema,
});
export type WallResponsesResponse = DeepReadonly<z.infer<typeof wallResponsesResponseSchema>>;

export const moderateResponseRequestSchema = z
  .object({
    isHidden: z.boolean().optional(),
    isSpotlighted: z.boolean().optional(),
  })
  .refine((body) => body.isHidden !== undefined || body.isSpotlighted !== undefined, {
    message: 'give isHidden or isSpotlighted',
  });
export type ModerateResponseRequest = z.infer<typeof moderateResponseRequestSchema>;

/**
 * How classmates appear to each other on the wall and the projector, and whether the session
 * stays open until its teacher ends it (no idle end); either or both.
 */
export const sessionSettingsRequestSchema = z
  .object({
    wallIdentity: wallIdentitySchema.optional(),
    keepOpen: z.boolean().optional(),
    /**
     * "Names hidden from me too" (political opinions): only `true`. Once on it stays on, or it
     * would reveal the names of answers given under it.
     */
    namesHiddenFromTeacher: z
      .literal(true, {
        error:
          'namesHiddenFromTeacher can only be turned on: names hidden from you stay hidden for the answers given meanwhile',
      })
      .optional(),
  })
  .refine(
    (body) =>
      body.wallIdentity !== undefined ||
      body.keepOpen !== undefined ||
      body.namesHiddenFromTeacher !== undefined,
    { message: 'give wallIdentity, keepOpen or namesHiddenFromTeacher', path: ['wallIdentity'] },
  );
export type SessionSettingsRequest = z.infer<typeof sessionSettingsRequestSchema>;

/** A student's reply to a classmate's response. */
export const wallReplyRequestSchema = z.object({
  kind: wallReplyKindSchema,
  text: z
    .string()
    .trim()
    .min(1, 'text must not be empty: write your reply')
    .max(WALL_REPLY_MAX_LENGTH, `text must be at most ${WALL_REPLY_MAX_LENGTH} characters`),
});
export type WallReplyRequest = z.input<typeof wallReplyRequestSchema>;

/** The teacher hides a reply from the class, or shows it again. */
export const moderateReplyRequestSchema = z.object({ isHidden: z.boolean() });
export type ModerateReplyRequest = z.infer<typeof moderateReplyRequestSchema>;

const themeSchema = z.object({
  phrase: z.string(),
  /** How many students' responses contain it. */
  responses: count,
});

export const themesResponseSchema = z.object({
  sectionId: z.string(),
  responseCount: count,
  themes: z.array(themeSchema),
});
export type ThemesResponse = DeepReadonly<z.infer<typeof themesResponseSchema>>;

export const revealOutcomesRequestSchema = z.object({
  itemId: z.string().min(1).max(64),
  /** Scenario id to its outcome; every scenario of the item must be given. */
  outcomes: z.record(z.string().max(64), scenarioOutcomeSchema),
});
export type RevealOutcomesRequest = z.infer<typeof revealOutcomesRequestSchema>;

/** One student's piece of writing as the report shows it, with the feedback given so far. */
export const writingSubmissionSchema = z.object({
  itemId: z.string(),
  participantId: z.string(),
  label: z.string(),
  text: z.string(),
  feedback: writingFeedbackSchema.nullable(),
});
export type WritingSubmission = DeepReadonly<z.infer<typeof writingSubmissionSchema>>;

/** The teacher scores a piece of writing; `release: true` lets the student see it. */
export const scoreWritingRequestSchema = z.object({
  scores: z.record(
    z.string().max(64),
    z.number().int('scores must be whole numbers').min(0, 'scores must be 0 or more'),
  ),
  comment: z
    .string()
    .trim()
    .max(WRITING_COMMENT_MAX, `comment must be at most ${WRITING_COMMENT_MAX} characters`),
  release: z.boolean(),
});
export type ScoreWritingRequest = z.infer<typeof scoreWritingRequestSchema>;

export const speakingTurnKindSchema = z.enum(SPEAKING_TURN_KINDS);

/** One turn a student took in a spoken discussion, as the teacher recorded it. */
export const speakingTurnSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  kind: speakingTurnKindSchema.nullable(),
  /** The section the class was on (a self-paced class has none). */
  sectionId: z.string().nullable(),
  at: z.string(),
});
export type SpeakingTurn = DeepReadonly<z.infer<typeof speakingTurnSchema>>;

export const speakingTurnsResponseSchema = z.object({ turns: z.array(speakingTurnSchema) });
export type SpeakingTurnsResponse = DeepReadonly<z.infer<typeof speakingTurnsResponseSchema>>;

/** The teacher records that a student spoke; the kind is optional. */
export const addSpeakingTurnRequestSchema = z.object({
  participantId: z.uuid('participantId must be a student id'),
  kind: speakingTurnKindSchema.nullable().default(null),
});
export type AddSpeakingTurnRequest = z.input<typeof addSpeakingTurnRequestSchema>;

export const sessionReportSchema = z.object({
  sessionId: z.string(),
  lessonId: z.string(),
  lessonTitle: z.string(),
  /** The lesson version the session ran. */
  lessonVersion: z.number().int().positive(),
  participants: z.array(
    z.object({ id: z.string(), label: z.string(), joinedAt: z.string(), answers: count }),
  ),
  sections: z.array(
    z.object({
      sectionId: z.string(),
      items: z.array(z.object({ itemId: z.string(), answered: count })),
      summary: z.string().nullable(),
    }),
  ),
  responses: z.array(teacherWallResponseSchema),
  forecastScores: z.array(forecastScoresSchema),
  /**
   * The forecasts that live past the lesson (issue 26): each question with where it stands and
   * every student's number of versions, latest version and scores.
   */
  forecastQuestions: z.array(teacherForecastQuestionSchema),
  /** Every piece of writing (writing tasks), with the teacher's feedback so far. */
  writing: z.array(writingSubmissionSchema),
  /** Every turn recorded in the spoken discussion, oldest first. */
  speakingTurns: z.array(speakingTurnSchema),
  /** Students the teacher removed: left out of every figure above, their answers still stored. */
  removedParticipants: z.array(
    z.object({ id: z.string(), label: z.string(), joinedAt: z.string(), answers: count }),
  ),
});
export type SessionReport = DeepReadonly<z.infer<typeof sessionReportSchema>>;

export const studentTranscriptSchema = z.object({
  participant: z.object({ id: z.string(), label: z.string(), joinedAt: z.string() }),
  entries: z.array(z.object({ itemId: z.string(), answer: answerSchema, updatedAt: z.string() })),
  /**
   * Set when the teacher chose names hidden from them for this session: the entries then leave
   * out the discussion-prompt answers (the wall) and say why here.
   */
  namesHiddenNote: z.string().nullable(),
});
export type StudentTranscript = DeepReadonly<z.infer<typeof studentTranscriptSchema>>;

/**
 * A session on the dashboard home, with how many students joined and answers they gave, and
 * when it will be deleted with their data (null while open, or when sessions are kept forever).
 */
export const sessionListSchema = z.object({
  sessions: z.array(
    sessionSummarySchema.extend({
      participantCount: count,
      answerCount: count,
      deletesAt: z.string().nullable(),
    }),
  ),
});
export type SessionListRow = z.infer<typeof sessionListSchema>['sessions'][number];
/** The counts a session has on the dashboard home. */
export type SessionListEntry = Pick<SessionListRow, 'participantCount' | 'answerCount'>;

/** What the classroom screen shows: large type, no controls. */
export const projectorViewSchema = z.object({
  lessonId: z.string(),
  lessonTitle: z.string(),
  joinCode: z.string(),
  joinUrl: z.string(),
  status: z.enum(['open', 'ended']),
  participantCount: count,
  currentSectionId: z.string(),
  /** Results of the items the teacher revealed, in the current section. */
  results: z.array(itemResultsSchema),
  /** Spotlighted responses; labels only when names are shown. */
  spotlight: z.array(wallResponseSchema),
  summary: z.string().nullable(),
  forecastScores: z.array(forecastScoresSchema),
});
export type ProjectorView = DeepReadonly<z.infer<typeof projectorViewSchema>>;
