import { z } from 'zod';
import {
  checkResetLinkRequestSchema,
  checkResetLinkResponseSchema,
  confirmSignUpRequestSchema,
  forgotPasswordRequestSchema,
  forgotPasswordResponseSchema,
  passwordResetOptionsSchema,
  resetPasswordRequestSchema,
  signUpByEmailResponseSchema,
} from '../account-contracts';
import {
  signInRequestSchema,
  signUpRequestSchema,
  teacherResponseSchema,
  teacherSchema,
} from '../live-contracts';
import { secondFactorNeededSchema } from '../sign-in-contracts';
import { accountSignInSchema, deleteAccountRequestSchema } from '../student-data-contracts';
import type { EndpointContract } from './contract';

/** Teacher accounts: sign-up, sign-in and out, password reset, deleting the account. */
export const accountEndpoints = {
  signUp: {
    method: 'POST',
    path: '/api/auth/sign-up',
    caller: 'anyone',
    summary:
      'Creates a teacher account and signs it in (201); when the server sends e-mail, sends a link that creates it (202), the same answer for an address that has an account, whose owner is told. A common or weak password is refused.',
    body: signUpRequestSchema,
    responses: { 201: teacherResponseSchema, 202: signUpByEmailResponseSchema },
  },
  confirmSignUp: {
    method: 'POST',
    path: '/api/auth/sign-up/confirm',
    caller: 'anyone',
    summary:
      'Creates the account a sign-up link was sent for and signs it in; 400 sign_up_link_invalid.',
    body: confirmSignUpRequestSchema,
    responses: { 201: teacherResponseSchema },
  },
  signIn: {
    method: 'POST',
    path: '/api/auth/sign-in',
    caller: 'anyone',
    summary:
      'Signs a teacher in; 401 invalid_credentials. An account with a second factor answers 202 with a pending token instead, and no sign-in cookie until POST /api/auth/sign-in/second-factor.',
    body: signInRequestSchema,
    responses: { 200: teacherResponseSchema, 202: secondFactorNeededSchema },
  },
  signOut: {
    method: 'POST',
    path: '/api/auth/sign-out',
    caller: 'anyone',
    summary: "Signs this browser's teacher out, if one is signed in.",
    responses: { 204: null },
  },
  signedIn: {
    method: 'GET',
    path: '/api/auth/session',
    caller: 'anyone',
    summary:
      'Who is signed in in this browser: the teacher, or null (200 either way, so a signed-out page logs no failed request).',
    responses: { 200: z.object({ teacher: teacherSchema.nullable() }) },
  },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    caller: 'teacher',
    summary: 'The signed-in teacher; 401 not_signed_in.',
    responses: { 200: teacherResponseSchema },
  },
  accountSignIn: {
    method: 'GET',
    path: '/api/auth/account',
    caller: 'teacher',
    summary:
      'How the signed-in account signs in: with a password, from an LMS (an account an LTI launch made has no password), or with an OpenID provider (oidc: no password either); what deleting it asks for follows.',
    responses: { 200: accountSignInSchema },
  },
  deleteAccount: {
    method: 'DELETE',
    path: '/api/auth/account',
    caller: 'teacher',
    summary:
      "Deletes the teacher's account and everything in it (lessons, sessions, students, answers, events, sign-ins) and signs out. Asks for the password (403 wrong_password), or, for an account with none (made by an LMS), the confirmation DELETE (400 invalid_input at confirmation).",
    body: deleteAccountRequestSchema,
    responses: { 204: null },
  },
  passwordResetOptions: {
    method: 'GET',
    path: '/api/auth/password-reset',
    caller: 'anyone',
    summary: 'Whether this server sends reset links by e-mail.',
    responses: { 200: passwordResetOptionsSchema },
  },
  forgotPassword: {
    method: 'POST',
    path: '/api/auth/forgot-password',
    caller: 'anyone',
    summary: 'Sends a reset link (202), or says how to get one when no e-mail is set up (200).',
    body: forgotPasswordRequestSchema,
    responses: { 200: forgotPasswordResponseSchema, 202: forgotPasswordResponseSchema },
  },
  checkResetLink: {
    method: 'POST',
    path: '/api/auth/reset-password/check',
    caller: 'anyone',
    summary: 'Whose password a reset link sets; 400 reset_link_invalid.',
    body: checkResetLinkRequestSchema,
    responses: { 200: checkResetLinkResponseSchema },
  },
  resetPassword: {
    method: 'POST',
    path: '/api/auth/reset-password',
    caller: 'anyone',
    summary: 'Sets a new password with a reset link, signs out elsewhere and signs in here.',
    body: resetPasswordRequestSchema,
    responses: { 200: teacherResponseSchema },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;
