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

export interface ForgotPasswordResponse {
  /** False when this server sends no e-mail: the person who runs it makes links instead. */
  readonly isSentByEmail: boolean;
  /** The same words whether or not the address has an account. */
  readonly message: string;
}

/** How a teacher who forgot a password gets back in on this server. */
export interface PasswordResetOptions {
  readonly isByEmail: boolean;
}

export const checkResetLinkRequestSchema = z.object({ token: resetTokenSchema });
export type CheckResetLinkRequest = z.infer<typeof checkResetLinkRequestSchema>;

export interface CheckResetLinkResponse {
  /** Whose password the link sets. */
  readonly email: string;
}

export const resetPasswordRequestSchema = z.object({
  token: resetTokenSchema,
  password: newPasswordSchema,
});
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;
