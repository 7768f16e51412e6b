import { itemAnswerKeySchema } from '../lesson/answer-key-schemas';
import { z } from 'zod';
import { answerSchema } from '../lesson/answer-schema';
import type { DeepReadonly } from '../live/deep-readonly';
import { cleanDisplayName } from '../live/display-names';
import { describeUnsafeText } from '../live/unsafe-text';
import { WALL_IDENTITIES } from '../live/wall-identity';
import {
  classWallResponseSchema,
  forecastScoresSchema,
  itemResultsSchema,
  writingFeedbackSchema,
} from './result-contracts';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  LIMITS,
  REJOIN_CODE_LENGTH,
  SESSION_MODES,
} from '../live/live-constants';

export type { SessionMode } from '../live/live-constants';

/**
 * Request and response shapes of the live-session API, shared by the server (which validates
 * requests and serialises responses with these schemas) and the client (which parses responses
 * with them). The endpoints that use them are listed in api-endpoints.ts.
 */

const trimmed = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);

export const signUpRequestSchema = z.object({
  email: z.email('e-mail must be a valid address').max(LIMITS.emailLength),
  name: trimmed(LIMITS.teacherNameLength, 'name'),
  password: z
    .string()
    .min(
      LIMITS.passwordMinLength,
      `password must be at least ${LIMITS.passwordMinLength} characters`,
    )
    .max(LIMITS.passwordMaxLength),
});
export type SignUpRequest = z.infer<typeof signUpRequestSchema>;

export const signInRequestSchema = z.object({
  email: z.string().trim().max(LIMITS.emailLength),
  password: z.string().max(LIMITS.passwordMaxLength),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const teacherSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type Teacher = z.infer<typeof teacherSchema>;
/** What signing up, signing in, a new password and "who am I" answer. */
export const teacherResponseSchema = z.object({ teacher: teacherSchema });

export const createSessionRequestSchema = z.object({
  lessonId: z.string().min(1).max(64),
  mode: z.enum(SESSION_MODES),
});
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

const codeSchema = (length: number, what: string) =>
  z
    .string()
    .trim()
    .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .length(length, `${what} has ${length} characters`)
        .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), `${what} has only letters and digits`),
    );

export const joinCodeSchema = codeSchema(JOIN_CODE_LENGTH, 'a join code');
export const rejoinCodeSchema = codeSchema(REJOIN_CODE_LENGTH, 'a rejoin code');

/** A name cleaned of invisible characters (see display-names.ts) before its length is checked. */
const displayNameSchema = z
  .string()
  // Refused before cleaning, which would otherwise quietly turn a NUL into a space.
  .refine((name) => describeUnsafeText(name) === null, {
    error: (issue) => `name ${describeUnsafeText(String(issue.input)) ?? 'is not valid text'}`,
    abort: true,
  })
  .transform(cleanDisplayName)
  .pipe(trimmed(LIMITS.displayNameLength, 'name'));

export const joinRequestSchema = z.object({
  code: joinCodeSchema,
  displayName: displayNameSchema,
  /**
   * Join even when someone of the same name is already in the session, as "Sam (2)". Without
   * it, such a join is refused with `name_taken`, so a returning student can rejoin instead.
   */
  asNewNamesake: z.boolean().optional(),
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

/** Back into the session on any device, as the same participant, with every answer. */
export const rejoinRequestSchema = z.object({
  code: joinCodeSchema,
  displayName: displayNameSchema,
  rejoinCode: rejoinCodeSchema,
});
export type RejoinRequest = z.input<typeof rejoinRequestSchema>;

export const changeSectionRequestSchema = z.object({ sectionId: z.string().min(1).max(64) });
export const publishSummaryRequestSchema = z.object({
  text: trimmed(LIMITS.summaryLength, 'summary'),
});

export const submitAnswerRequestSchema = z.object({
  /** Made by the client for each submission: a retry with the same id never duplicates. */
  submissionId: z.uuid(),
  /** Counts up per item on the client: an older submission arriving late never wins. */
  revision: z.number().int().min(1).max(1_000_000),
  answer: answerSchema,
});
export type SubmitAnswerRequest = z.infer<typeof submitAnswerRequestSchema>;

export const SESSION_STATUSES = ['open', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** Who ended a session: its teacher, or the idle end (nobody used it for IDLE_SESSION_HOURS). */
export const SESSION_ENDED_BY = ['teacher', 'idle'] as const;
export type SessionEndedBy = (typeof SESSION_ENDED_BY)[number];
export const ITEM_STATUSES = ['pending', 'open', 'closed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const itemStateSchema = z.object({
  itemId: z.string(),
  status: z.enum(ITEM_STATUSES),
  isRevealed: z.boolean(),
});
export type ItemState = z.infer<typeof itemStateSchema>;

export const publishedSummarySchema = z.object({
  sectionId: z.string(),
  text: z.string(),
  publishedAt: z.string(),
});
export type PublishedSummary = z.infer<typeof publishedSummarySchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  /** The library lesson (lesson-library-contracts.ts). */
  lessonId: z.string(),
  lessonTitle: z.string(),
  /** The published version the session pinned when it started. */
  lessonVersion: z.number().int().positive(),
  mode: z.enum(SESSION_MODES),
  status: z.enum(SESSION_STATUSES),
  joinCode: z.string(),
  currentSectionId: z.string(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  /** Who ended it; null while open. */
  endedBy: z.enum(SESSION_ENDED_BY).nullable(),
  /** The teacher keeps it open until they end it: it never ends on its own (WCAG 2.2.1). */
  keepOpen: z.boolean(),
  /** When it ends on its own if nobody uses it; null when ended, kept open or never idle-ended. */
  idleEndsAt: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const participantSchema = z.object({
  id: z.string(),
  /** The name as typed. */
  displayName: z.string(),
  /** The name shown to others, told apart from a namesake: "Sam (2)". */
  label: z.string(),
  joinedAt: z.string(),
  currentSectionId: z.string().nullable(),
  /** An event stream of theirs is open (on any server instance). */
  isOnline: z.boolean(),
  /** Lets them back in on another device; the teacher can read it to them. */
  rejoinCode: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;

export type { ItemResults } from './result-contracts';

export const teacherSessionViewSchema = z.object({
  session: sessionSummarySchema,
  joinUrl: z.string(),
  /** How classmates appear to each other on the wall and the projector (the teacher sees names). */
  wallIdentity: z.enum(WALL_IDENTITIES),
  /**
   * "Names hidden from me too": the teacher's own wall, projector and report show authors as
   * pseudonyms or nothing, and the opinion map's groups without names. Never turned off.
   */
  namesHiddenFromTeacher: z.boolean(),
  /** Forecast items whose outcomes the teacher has revealed, with the class's scores. */
  forecastScores: z.array(forecastScoresSchema),
  participants: z.array(participantSchema),
  itemStates: z.array(itemStateSchema),
  summaries: z.array(publishedSummarySchema),
  /** Item id to the number of participants who answered it. */
  answerCounts: z.record(z.string(), z.number().int().min(0)),
  results: z.array(itemResultsSchema),
});
export type TeacherSessionView = DeepReadonly<z.infer<typeof teacherSessionViewSchema>>;

/** The student's own identity in a session: what joining answers and their view repeats. */
const joinedParticipantSchema = participantSchema.pick({
  id: true,
  displayName: true,
  label: true,
  rejoinCode: true,
});

export const studentSessionViewSchema = z.object({
  session: sessionSummarySchema.omit({ joinCode: true }),
  me: joinedParticipantSchema,
  itemStates: z.array(itemStateSchema),
  summaries: z.array(publishedSummarySchema),
  myAnswers: z.array(
    z.object({ itemId: z.string(), answer: answerSchema, revision: z.number().int() }),
  ),
  /** Results of the items the teacher has revealed. */
  results: z.array(itemResultsSchema),
  /** Classmates' responses to revealed discussion prompts, less those the teacher hid. */
  wall: z.array(classWallResponseSchema),
  /** How classmates appear on the wall, and this student's own pseudonym when it shows one. */
  wallIdentity: z.object({ mode: z.enum(WALL_IDENTITIES), myPseudonym: z.string().nullable() }),
  /** Revealed forecast outcomes with the class's scores and the student's own. */
  forecastScores: z.array(forecastScoresSchema),
  /** The teacher's feedback on this student's writing, once released. */
  writingFeedback: z.array(writingFeedbackSchema),
  /**
   * The answer keys the student's lesson leaves out, of the items the teacher has revealed and
   * of writing tasks whose feedback this student has: a claim check's sorting, a forecast's
   * outcomes as the lesson tells them, a model answer.
   */
  answerKeys: z.array(itemAnswerKeySchema),
});
export type StudentSessionView = DeepReadonly<z.infer<typeof studentSessionViewSchema>>;

/** What joining and rejoining answer. */
export const joinResponseSchema = z.object({
  sessionId: z.string(),
  participant: joinedParticipantSchema,
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

export const joinLookupResponseSchema = z.object({
  sessionId: z.string(),
  lessonTitle: z.string(),
  status: z.enum(SESSION_STATUSES),
});
export type JoinLookupResponse = z.infer<typeof joinLookupResponseSchema>;

export const answerAckSchema = z.object({
  itemId: z.string(),
  submissionId: z.string(),
  /** The revision the server now holds for this item (may be newer than the one sent). */
  revision: z.number().int(),
});
export type AnswerAck = z.infer<typeof answerAckSchema>;
