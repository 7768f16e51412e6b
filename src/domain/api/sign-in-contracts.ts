import { z } from 'zod';

/** Sign-in by OpenID Connect and the TOTP second factor (issue 25), for server and client. */

export const oidcProvidersResponseSchema = z.object({
  /** The providers this server signs in with: a "Sign in with <name>" button each. */
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const oidcProviderParamsSchema = z.object({
  provider: z.string().min(1).max(40),
});

/** A password was right, and the account asks for its second factor: no sign-in cookie yet. */
export const secondFactorNeededSchema = z.object({
  secondFactorRequired: z.literal(true),
  /** Short-lived and used once: sent back with the code. */
  pendingToken: z.string(),
});

/** A 6-digit code from the authenticator app, or one recovery code (xxxxx-xxxxx). */
const codeSchema = z
  .string()
  .trim()
  .min(6, 'enter the 6-digit code from your authenticator app')
  .max(20, 'enter the 6-digit code from your authenticator app, or a recovery code');

export const secondFactorSignInRequestSchema = z.object({
  pendingToken: z.string().min(1).max(200),
  code: codeSchema,
});

export const secondFactorStatusSchema = z.object({
  /** Whether password sign-ins ask for a code. */
  isOn: z.boolean(),
  /** Only an account with a password can turn it on (OIDC and LMS sign-ins have their own). */
  isAvailable: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;

export const secondFactorEnrolmentSchema = z.object({
  /** The secret in base32, to type into an app that cannot scan. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code, an SVG document. */
  qrSvg: z.string(),
});
export type SecondFactorEnrolment = z.infer<typeof secondFactorEnrolmentSchema>;

export const secondFactorConfirmRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'enter the 6-digit code from your authenticator app'),
});

export const recoveryCodesSchema = z.object({
  /** Shown once: each signs in once in place of a code. */
  recoveryCodes: z.array(z.string()),
});

export const secondFactorTurnOffRequestSchema = z.object({
  password: z.string().min(1, 'enter your password').max(200),
  code: codeSchema,
});
