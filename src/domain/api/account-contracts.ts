import { z } from 'zod';
import { signUpRequestSchema } from './live-contracts';

/** Requests and answers of password reset, shared by the server (validation) and the client. */

// The same rules as at sign-up, so a reset cannot set a password sign-up would refuse.
const { email: emailSchema, password: newPasswordSchema } = signUpRequestSchema.shape;

const resetTokenSchema = z
  .string()
  .min(1, 'the link has no token')
  .max(200, 'the link is not valid');

export const forgotPasswordRequestSchema = z.object({ email: emailSchema });
export type ForgotPasswordRequest = z.infer<typeof forgotPasswordRequestSchema>;

export const forgotPasswordResponseSchema = z.object({
  /** False when this server sends no e-mail: the person who runs it makes links instead. */
  isSentByEmail: z.boolean(),
  /** The same words whether or not the address has an account. */
  message: z.string(),
});
export type ForgotPasswordResponse = z.infer<typeof forgotPasswordResponseSchema>;

/** How a teacher who forgot a password gets back in on this server. */
export const passwordResetOptionsSchema = z.object({ isByEmail: z.boolean() });

export const checkResetLinkRequestSchema = z.object({ token: resetTokenSchema });

export const checkResetLinkResponseSchema = z.object({
  /** Whose password the link sets. */
  email: z.string(),
});

export const resetPasswordRequestSchema = z.object({
  token: resetTokenSchema,
  password: newPasswordSchema,
});
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

/**
 * Signing up on a server that sends e-mail: the same answer whether or not the address already
 * has an account (a new one is made by the link in the e-mail; an owner is told instead).
 */
export const signUpByEmailResponseSchema = z.object({
  isSentByEmail: z.literal(true),
  message: z.string(),
});

export const confirmSignUpRequestSchema = z.object({ token: resetTokenSchema });
export type ConfirmSignUpRequest = z.infer<typeof confirmSignUpRequestSchema>;
