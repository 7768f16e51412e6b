/**
 * Plain constants of the live-session contract, apart from its zod schemas so the client can
 * use them without bundling zod.
 */

export const LIMITS = {
  emailLength: 254,
  passwordMinLength: 8,
  passwordMaxLength: 200,
  teacherNameLength: 80,
  displayNameLength: 40,
  summaryLength: 4000,
} as const;

/** Join codes avoid characters that look alike: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
/** A student's personal code back into a session, from the same alphabet. */
export const REJOIN_CODE_LENGTH = 6;

export const SESSION_MODES = ['teacher-paced', 'self-paced'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
