import {
  oidcProviderParamsSchema,
  oidcProvidersResponseSchema,
  recoveryCodesSchema,
  secondFactorConfirmRequestSchema,
  secondFactorEnrolmentSchema,
  secondFactorSignInRequestSchema,
  secondFactorStatusSchema,
  secondFactorTurnOffRequestSchema,
} from '../sign-in-contracts';
import { teacherResponseSchema } from '../live-contracts';
import type { EndpointContract } from './contract';

const PAGE = { contentType: 'text/html; charset=utf-8' } as const;

/** Sign-in with an OpenID provider, and the TOTP second factor of password sign-ins. */
export const signInEndpoints = {
  oidcProviders: {
    method: 'GET',
    path: '/api/auth/oidc/providers',
    caller: 'anyone',
    summary: 'The OpenID providers this server signs teachers in with (a button each).',
    responses: { 200: oidcProvidersResponseSchema },
  },
  oidcStart: {
    method: 'GET',
    path: '/api/auth/oidc/:provider/start',
    caller: 'anyone',
    summary:
      "A page navigation: redirects (302) to the provider's sign-in with PKCE, state and nonce; a page saying what failed when the provider is unknown or down.",
    params: oidcProviderParamsSchema,
    responses: { 302: PAGE },
  },
  oidcCallback: {
    method: 'GET',
    path: '/api/auth/oidc/:provider/callback',
    caller: 'anyone',
    summary:
      'Where the provider sends the browser back: signs the teacher in and redirects (302) to /teach; otherwise a page saying why (denied, wrong or used state, expired, provider down, e-mail not verified, sign-up closed).',
    params: oidcProviderParamsSchema,
    responses: { 302: PAGE },
  },
  secondFactorSignIn: {
    method: 'POST',
    path: '/api/auth/sign-in/second-factor',
    caller: 'anyone',
    summary:
      'Finishes a password sign-in with the code from the authenticator app (or a recovery code) and the pending token; 401 wrong_code (the same token may try again), 401 invalid_credentials for an expired or used token.',
    body: secondFactorSignInRequestSchema,
    responses: { 200: teacherResponseSchema },
  },
  secondFactor: {
    method: 'GET',
    path: '/api/auth/second-factor',
    caller: 'teacher',
    summary: "Whether the account's password sign-ins ask for a code, and recovery codes left.",
    responses: { 200: secondFactorStatusSchema },
  },
  enrolSecondFactor: {
    method: 'POST',
    path: '/api/auth/second-factor/enrol',
    caller: 'teacher',
    summary:
      'Makes a new TOTP secret (not on until confirmed): the secret, its otpauth URI and QR code; 409 second_factor_unavailable for an account without a password or with one on.',
    responses: { 200: secondFactorEnrolmentSchema },
  },
  confirmSecondFactor: {
    method: 'POST',
    path: '/api/auth/second-factor/confirm',
    caller: 'teacher',
    summary:
      'Turns the second factor on with a right code for the new secret, answering 10 one-time recovery codes, shown once; 401 wrong_code.',
    body: secondFactorConfirmRequestSchema,
    responses: { 200: recoveryCodesSchema },
  },
  turnOffSecondFactor: {
    method: 'POST',
    path: '/api/auth/second-factor/turn-off',
    caller: 'teacher',
    summary:
      'Turns the second factor off with the password and a code (or a recovery code); 403 wrong_password, 401 wrong_code.',
    body: secondFactorTurnOffRequestSchema,
    responses: { 204: null },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;
