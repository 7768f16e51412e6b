import { z } from 'zod';
import type { Answer } from '../lesson/answers';
import { answerSchema } from '../lesson/answer-schema';
import type { ClassWallResponse, ForecastScores } from './dashboard-contracts';
import { cleanDisplayName } from './display-names';
import { describeUnsafeText } from './unsafe-text';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  LIMITS,
  REJOIN_CODE_LENGTH,
  SESSION_MODES,
  type SessionMode,
} from './live-constants';

export type { SessionMode } from './live-constants';

/**
 * Request and response shapes of the live-session API, shared by the server (which validates
 * requests with these schemas at the edge) and the client (which uses the types).
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

export interface Teacher {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

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

export type SessionStatus = 'open' | 'ended';
export type ItemStatus = 'pending' | 'open' | 'closed';

export interface ItemState {
  readonly itemId: string;
  readonly status: ItemStatus;
  readonly isRevealed: boolean;
}

export interface PublishedSummary {
  readonly sectionId: string;
  readonly text: string;
  readonly publishedAt: string;
}

export interface SessionSummary {
  readonly id: string;
  readonly lessonId: string;
  readonly lessonTitle: string;
  readonly mode: SessionMode;
  readonly status: SessionStatus;
  readonly joinCode: string;
  readonly currentSectionId: string;
  readonly createdAt: string;
  readonly endedAt: string | null;
}

export interface Participant {
  readonly id: string;
  /** The name as typed. */
  readonly displayName: string;
  /** The name shown to others, told apart from a namesake: "Sam (2)". */
  readonly label: string;
  readonly joinedAt: string;
  readonly currentSectionId: string | null;
  /** An event stream of theirs is open (on any server instance). */
  readonly isOnline: boolean;
  /** Lets them back in on another device; the teacher can read it to them. */
  readonly rejoinCode: string;
}

/** Per-option counts of a poll or scale, or the spread of a forecast's scenarios. */
export type ItemResults =
  | {
      readonly kind: 'choice';
      readonly itemId: string;
      readonly responses: number;
      readonly counts: readonly { readonly key: string; readonly count: number }[];
    }
  | {
      readonly kind: 'forecast';
      readonly itemId: string;
      readonly responses: number;
      readonly scenarios: readonly {
        readonly scenarioId: string;
        readonly mean: number | null;
        readonly median: number | null;
        readonly count: number;
        /** How many forecasts fell in each tenth: 0-10 %, 10-20 %, ..., 90-100 %. */
        readonly buckets: readonly number[];
      }[];
    }
  | {
      readonly kind: 'claimCheck';
      readonly itemId: string;
      readonly responses: number;
      readonly claims: readonly { readonly claimId: string; readonly asExpected: number }[];
    }
  | { readonly kind: 'text'; readonly itemId: string; readonly responses: number };

export interface TeacherSessionView {
  readonly session: SessionSummary;
  readonly joinUrl: string;
  /** Whether students' names show on the class's wall and the projector. */
  readonly showNames: boolean;
  /** Forecast items whose outcomes the teacher has revealed, with the class's scores. */
  readonly forecastScores: readonly ForecastScores[];
  readonly participants: readonly Participant[];
  readonly itemStates: readonly ItemState[];
  readonly summaries: readonly PublishedSummary[];
  /** Item id to the number of participants who answered it. */
  readonly answerCounts: Readonly<Record<string, number>>;
  readonly results: readonly ItemResults[];
}

export interface StudentSessionView {
  readonly session: Omit<SessionSummary, 'joinCode'>;
  readonly me: Pick<Participant, 'id' | 'displayName' | 'label' | 'rejoinCode'>;
  readonly itemStates: readonly ItemState[];
  readonly summaries: readonly PublishedSummary[];
  readonly myAnswers: readonly {
    readonly itemId: string;
    readonly answer: Answer;
    readonly revision: number;
  }[];
  /** Results of the items the teacher has revealed. */
  readonly results: readonly ItemResults[];
  /** Classmates' responses to revealed discussion prompts, less those the teacher hid. */
  readonly wall: readonly ClassWallResponse[];
  /** Revealed forecast outcomes with the class's scores and the student's own. */
  readonly forecastScores: readonly ForecastScores[];
}

/** What joining and rejoining answer. */
export interface JoinResponse {
  readonly sessionId: string;
  readonly participant: Pick<Participant, 'id' | 'displayName' | 'label' | 'rejoinCode'>;
}

export interface JoinLookupResponse {
  readonly sessionId: string;
  readonly lessonTitle: string;
  readonly status: SessionStatus;
}

export interface AnswerAck {
  readonly itemId: string;
  readonly submissionId: string;
  /** The revision the server now holds for this item (may be newer than the one sent). */
  readonly revision: number;
}
