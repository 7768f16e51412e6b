import { z } from 'zod';
import { answerSchema } from '../lesson/answer-schema';
import type { DeepReadonly } from '../live/deep-readonly';
import { LIMITS } from '../live/live-constants';
import { SPEAKING_TURN_KINDS } from '../live/speaking-turns';
import { WALL_REPLY_KINDS } from '../live/wall-replies';

/**
 * One student's data, as a teacher exports it for the student or a parent (JSON; the Markdown
 * version in reports/student-data-markdown.ts says the same in words), and what deleting a
 * student or a teacher's own account takes.
 */

const count = z.number().int().min(0);
const isoTime = z.string();

export const STUDENT_EXPORT_FORMATS = ['json', 'markdown'] as const;
export type StudentExportFormat = (typeof STUDENT_EXPORT_FORMATS)[number];

export const studentExportQuerySchema = z.object({
  format: z.enum(STUDENT_EXPORT_FORMATS).optional(),
});

export const exportedAnswerSchema = z.object({
  sectionId: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  itemId: z.string(),
  /** The kind of question: prompt, poll, scale, forecast, claim check or writing task. */
  kind: z.string().nullable(),
  /** The question as the student saw it. */
  question: z.string(),
  /** The answer in words, as the CSV export writes it. */
  answerText: z.string(),
  /** The answer as stored. */
  answer: answerSchema,
  /** How many times it was changed and sent again (1: once). */
  revision: z.number().int().min(1),
  firstAnsweredAt: isoTime,
  lastChangedAt: isoTime,
  /** For open responses on the class's wall: whether the teacher hid or spotlighted it. */
  wall: z.object({ isHidden: z.boolean(), isSpotlighted: z.boolean() }).nullable(),
  /** For a writing task the teacher scored: the points per rubric criterion and the comment. */
  teacherFeedback: z
    .object({
      scores: z.record(z.string(), z.number()),
      comment: z.string(),
      /** When the student could first see it; null while only the teacher can. */
      releasedAt: isoTime.nullable(),
    })
    .nullable(),
});
export type ExportedAnswer = DeepReadonly<z.infer<typeof exportedAnswerSchema>>;

/** The student's forecasts that live past the lesson (issue 26): every version and the scores. */
export const exportedForecastsSchema = z.object({
  /** Every version of every forecast, oldest first for each question. */
  versions: z.array(
    z.object({
      itemId: z.string(),
      question: z.string(),
      /** Scenario id to percent. */
      probabilities: z.record(z.string(), z.number()),
      reason: z.string().nullable(),
      madeAt: isoTime,
      /** In class (the answer given during the lesson) or an update on the forecasts page. */
      madeIn: z.enum(['class', 'update']),
    }),
  ),
  /** The student's score of each question resolved so far (time-weighted Brier, log score). */
  scores: z.array(
    z.object({
      itemId: z.string(),
      question: z.string(),
      timeWeightedBrier: z.number().nullable(),
      logScore: z.number().nullable(),
    }),
  ),
  /** The forecasting team the teacher put them in. */
  team: z.string().nullable(),
  /** Whether they chose to appear on the class's forecasting leaderboard. */
  leaderboardOptIn: z.boolean(),
});
export type ExportedForecasts = DeepReadonly<z.infer<typeof exportedForecastsSchema>>;

export const studentDataExportSchema = z.object({
  exportedAt: isoTime,
  student: z.object({
    id: z.string(),
    /** The name as typed when joining. */
    displayName: z.string(),
    /** The name the class and teacher see ("Sam (2)" for a second Sam). */
    label: z.string(),
    joinedAt: isoTime,
    /** When a stream of theirs (an open page) was last seen. */
    lastSeenAt: isoTime,
    /** Null while in the session; the time the teacher removed them otherwise. */
    removedAt: isoTime.nullable(),
  }),
  /**
   * The personal rejoin code is a key to the session, not a fact about the student: whoever
   * holds it can answer as them while the session is open. So the file says it exists and
   * leaves it out.
   */
  rejoinCode: z.object({ isIncluded: z.literal(false), note: z.string() }),
  session: z.object({
    id: z.string(),
    lessonId: z.string(),
    lessonTitle: z.string(),
    mode: z.enum(['teacher-paced', 'self-paced']),
    status: z.enum(['open', 'ended']),
    startedAt: isoTime,
    endedAt: isoTime.nullable(),
  }),
  progress: z.object({
    /** In a self-paced session, the section the student was last on. */
    currentSectionId: z.string().nullable(),
    currentSectionTitle: z.string().nullable(),
    answered: count,
    questions: count,
  }),
  answers: z.array(exportedAnswerSchema),
  /** Each time the teacher recorded the student speaking in a spoken discussion. */
  speakingTurns: z.array(
    z.object({
      /** new-idea, builds-on, challenges or question; null when the teacher gave none. */
      kind: z.enum(SPEAKING_TURN_KINDS).nullable(),
      sectionTitle: z.string().nullable(),
      at: isoTime,
    }),
  ),
  /** Class statements the student wrote, and whether the class saw them. */
  statements: z.array(
    z.object({
      question: z.string(),
      text: z.string(),
      status: z.enum(['pending', 'shown', 'hidden']),
      writtenAt: isoTime,
    }),
  ),
  /** The student's votes on classmates' statements. */
  statementVotes: z.array(
    z.object({
      question: z.string(),
      statement: z.string(),
      vote: z.enum(['agree', 'disagree', 'pass']),
      votedAt: isoTime,
    }),
  ),
  /** The replies the student wrote to classmates' responses on the class's wall. */
  wallReplies: z.array(
    z.object({
      /** builds-on, challenges or asks. */
      kind: z.enum(WALL_REPLY_KINDS),
      text: z.string(),
      itemId: z.string(),
      /** The discussion prompt whose response it answers. */
      question: z.string(),
      /** Whether the teacher hid it from the class. */
      isHidden: z.boolean(),
      at: isoTime,
    }),
  ),
  forecasts: exportedForecastsSchema,
  /** The grade sent (or to be sent) to the school's LMS (LTI); null when there is none. */
  lmsGrade: z
    .object({
      /** Out of 100; null when there was nothing to grade. */
      grade: z.number().nullable(),
      comment: z.string(),
      status: z.enum(['pending', 'sent', 'failed', 'cancelled']),
      sentAt: isoTime.nullable(),
    })
    .nullable(),
  /** Copies of the student's name and progress kept for screens reconnecting to the session. */
  eventLog: z.object({ entries: count, note: z.string() }),
});
export type StudentDataExport = DeepReadonly<z.infer<typeof studentDataExportSchema>>;

/** What an account made by an LMS launch, which has no password, types to confirm its deletion. */
export const DELETE_ACCOUNT_CONFIRMATION = 'DELETE';

/**
 * Deleting the account asks for proof again: the password, or, for an account an LMS made (it
 * has none, and signs in from the LMS only), the word DELETE typed. Which one is the server's to
 * say (`accountSignIn`), so both are optional here.
 */
export const deleteAccountRequestSchema = z.object({
  password: z.string().min(1, 'enter your password').max(LIMITS.passwordMaxLength).optional(),
  confirmation: z.string().max(20).optional(),
});
export type DeleteAccountRequest = z.infer<typeof deleteAccountRequestSchema>;

/** How the account signs in: with its password, or from an LMS (LTI 1.3), with none. */
/** `oidc`: an account opened by a sign-in with Google, Microsoft or another OpenID provider. */
export const accountSignInSchema = z.object({
  signsInWith: z.enum(['password', 'lms', 'oidc']),
});
export type AccountSignIn = z.infer<typeof accountSignInSchema>;
