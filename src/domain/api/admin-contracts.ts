import { z } from 'zod';
import { signUpRequestSchema, teacherSchema } from './live-contracts';

/** Who may be a teacher (issue 25): the sign-up policy, invitations and the administrators' API. */

const {
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
} = signUpRequestSchema.shape;

/** Who may sign up here, so the sign-up page says so rather than show a form that fails. */
export const signUpPolicySchema = z.object({
  /** Anyone may sign up (a server on a loopback address, or SIGNUP=open). */
  isOpen: z.boolean(),
  /** When not open: the e-mail domains that may still sign up (SIGNUP_DOMAINS). */
  domains: z.array(z.string()),
  /** What to tell someone who may not: how to get an invitation. */
  message: z.string(),
});

const invitationTokenSchema = z
  .string()
  .min(1, 'the link has no token')
  .max(200, 'the link is not valid');

export const checkInvitationRequestSchema = z.object({ token: invitationTokenSchema });
export const checkInvitationResponseSchema = z.object({
  /** The address the invitation is for: the account is made with it. */
  email: z.string(),
});

export const acceptInvitationRequestSchema = z.object({
  token: invitationTokenSchema,
  name: nameSchema,
  password: passwordSchema,
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequestSchema>;

export const adminStatusSchema = z.object({ isAdmin: z.boolean() });

/** A teacher account as an administrator sees it. */
export const teacherAccountSchema = teacherSchema.extend({
  isAdmin: z.boolean(),
  /** The administrator asking: no actions on one's own account. */
  isYou: z.boolean(),
  /** When it was disabled; null while it may sign in. */
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  lessonCount: z.number().int(),
  sessionCount: z.number().int(),
});
export type TeacherAccount = z.infer<typeof teacherAccountSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  /** The administrator who made it; null when the admin command did. */
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const teacherAccountsSchema = z.object({
  teachers: z.array(teacherAccountSchema),
  /** Invitations not yet accepted that have not expired. */
  invitations: z.array(invitationSchema),
});
export type TeacherAccounts = z.infer<typeof teacherAccountsSchema>;

export const inviteRequestSchema = z.object({ email: emailSchema });

export const inviteResponseSchema = z.object({
  invitation: invitationSchema,
  /** The one-time link to give the invited person: shown once, only its hash is kept. */
  url: z.string(),
  /** Whether the server e-mailed it too. */
  isSentByEmail: z.boolean(),
});
export type InviteResponse = z.infer<typeof inviteResponseSchema>;

export const teacherIdParams = z.object({ teacherId: z.uuid('teacherId must be a teacher id') });
export const invitationIdParams = z.object({
  invitationId: z.uuid('invitationId must be an invitation id'),
});

export const setAdminRequestSchema = z.object({ isAdmin: z.boolean() });

export const transferRequestSchema = z.object({
  toTeacherId: z.uuid('toTeacherId must be a teacher id'),
});

export const transferResponseSchema = z.object({
  lessons: z.number().int(),
  sessions: z.number().int(),
  classes: z.number().int(),
  ltiPlacements: z.number().int(),
});
export type TransferResponse = z.infer<typeof transferResponseSchema>;

export const teacherAccountResponseSchema = z.object({ teacher: teacherAccountSchema });

/** A UTC day, YYYY-MM-DD, that exists in the calendar. */
const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day such as 2026-09-01')
  .refine(
    (day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
    },
    { message: 'a day that exists, such as 2026-09-01' },
  );

/** The audit trail's export: from the start of `since` to the end of `until` (UTC days). */
export const auditCsvQuerySchema = z
  .object({ since: isoDaySchema.optional(), until: isoDaySchema.optional() })
  .refine((range) => !range.since || !range.until || range.since <= range.until, {
    message: 'since must not be after until',
    path: ['since'],
  });
