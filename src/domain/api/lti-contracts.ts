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
