import { z } from 'zod';
import type { Answer } from '../lesson/answers';
import { answerSchema } from '../lesson/answer-schema';
import type { ClassWallResponse, ForecastScores } from './dashboard-contracts';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  LIMITS,
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

export const joinCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .length(JOIN_CODE_LENGTH, `a join code has ${JOIN_CODE_LENGTH} characters`)
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), 'a join code has only letters and digits'),
  );

export const joinRequestSchema = z.object({
  code: joinCodeSchema,
  displayName: trimmed(LIMITS.displayNameLength, 'name'),
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

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
  readonly isOnline: boolean;
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
  readonly me: Pick<Participant, 'id' | 'displayName' | 'label'>;
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

export interface JoinResponse {
  readonly sessionId: string;
  readonly participant: Pick<Participant, 'id' | 'displayName' | 'label'>;
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
