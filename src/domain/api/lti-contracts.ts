import { z } from 'zod';
import { SESSION_MODES } from '../live/live-constants';

/** A deep-linking request from an LMS, waiting for its teacher to pick a lesson. */
export const deepLinkingRequestSchema = z.object({
  requestId: z.string(),
  /** The LMS that asks (its issuer, as the administrator registered it). */
  platform: z.string(),
  expiresAt: z.string(),
});
export type DeepLinkingRequestView = z.infer<typeof deepLinkingRequestSchema>;

/** The lesson the teacher places in the course, and how its session will run. */
export const placeLessonRequestSchema = z.object({
  lessonId: z.string().min(1).max(64),
  mode: z.enum(SESSION_MODES),
});
export type PlaceLessonRequest = z.infer<typeof placeLessonRequestSchema>;

/** Where the browser goes next: a page that posts the signed answer to the LMS. */
export const deepLinkingAnswerSchema = z.object({ sendUrl: z.string() });
export type DeepLinkingAnswer = z.infer<typeof deepLinkingAnswerSchema>;

/**
 * How a student's grade stands with the LMS: not sent before they finish; pending (queued);
 * sent; failing (an attempt failed, it will be tried again); failed (given up on: the teacher
 * may retry); cancelled (the student was removed).
 */
export const GRADE_SEND_STATUSES = [
  'not-finished',
  'pending',
  'sent',
  'failing',
  'failed',
  'cancelled',
] as const;

export const ltiGradeRowSchema = z.object({
  participantId: z.string(),
  label: z.string(),
  /** Out of 100, as sent (or to be sent); null when there is nothing to grade yet. */
  grade: z.number().nullable(),
  /** The comment sent with it, naming each part of the grade. */
  comment: z.string(),
  status: z.enum(GRADE_SEND_STATUSES),
  attempts: z.number().int().min(0),
  /** What the LMS answered to the last failed attempt, or why it could not be reached. */
  lastError: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
});
export type LtiGradeRow = z.infer<typeof ltiGradeRowSchema>;

export const ltiGradesViewSchema = z.object({
  /** null when no LMS link opens this session. */
  link: z
    .object({
      title: z.string().nullable(),
      /** Whether the LMS offered its grade service to this link. */
      hasGradeService: z.boolean(),
      /** Why the latest launch's service claims were left out (malformed); null when fine. */
      serviceProblem: z.string().nullable(),
    })
    .nullable(),
  students: z.array(ltiGradeRowSchema),
});
export type LtiGradesView = z.infer<typeof ltiGradesViewSchema>;

export const retryGradesRequestSchema = z.object({
  /** One student's grade, or every failed or waiting one when left out. */
  participantId: z.uuid('participantId must be a student id').optional(),
});

export const ltiRosterViewSchema = z.object({
  /** null when no LMS link opens this session, or the LMS offers no class list. */
  service: z
    .object({
      fetchedAt: z.iso.datetime().nullable(),
      /** Why the last fetch failed; null when it worked (or none was made yet). */
      error: z.string().nullable(),
    })
    .nullable(),
  /** The course's learners with no student in this session yet, by name. */
  notStarted: z.array(z.object({ name: z.string() })),
  /** How many of the course's learners have started. */
  startedCount: z.number().int().min(0),
});
export type LtiRosterView = z.infer<typeof ltiRosterViewSchema>;
