import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type { AcceptInvitationRequest } from '#domain/api/admin-contracts';
import type {
  ConfirmSignUpRequest,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  ResetPasswordRequest,
} from '#domain/api/account-contracts';
import type { Teacher } from '#domain/api/live-contracts';
import type { DeleteAccountRequest } from '#domain/api/student-data-contracts';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** The account's queries and calls: who is signed in, signing out, password reset, deletion. */

/** The signed-in teacher, or null when nobody is signed in. */
export const teacherMeQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherMe(),
    // Asked of the endpoint that answers 200 to nobody too: a 401 would be an error in the
    // browser's console on every signed-out visit.
    queryFn: async (): Promise<Teacher | null> => (await callEndpoint(endpoints.signedIn)).teacher,
    staleTime: 5 * 60_000,
  });

export async function signOut(): Promise<void> {
  await callEndpoint(endpoints.signOut);
}

/** How the signed-in account signs in, which says what deleting it asks for. */
export const accountSignInQuery = () =>
  queryOptions({
    queryKey: queryKeys.accountSignIn(),
    queryFn: () => callEndpoint(endpoints.accountSignIn),
    staleTime: Infinity,
  });

/**
 * Deletes the signed-in teacher's account and everything in it; the server signs them out. The
 * proof is the password, or DELETE typed for an account an LMS made (it has no password).
 */
export async function deleteAccount(proof: DeleteAccountRequest): Promise<void> {
  await callEndpoint(endpoints.deleteAccount, { body: proof });
}

/** Whether this server e-mails reset links, or its operator makes them. */
export const passwordResetOptionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.passwordResetOptions(),
    queryFn: () => callEndpoint(endpoints.passwordResetOptions),
    staleTime: Infinity,
  });

/** Whose password a reset link sets; refused when the link is used, expired or unknown. */
export const resetLinkQuery = (token: string) =>
  queryOptions({
    queryKey: queryKeys.resetLink(token),
    queryFn: () => callEndpoint(endpoints.checkResetLink, { body: { token } }),
    staleTime: Infinity,
  });

export function forgotPassword(request: ForgotPasswordRequest): Promise<ForgotPasswordResponse> {
  return callEndpoint(endpoints.forgotPassword, { body: request });
}

export async function confirmSignUp(request: ConfirmSignUpRequest): Promise<Teacher> {
  return (await callEndpoint(endpoints.confirmSignUp, { body: request })).teacher;
}

export async function resetPassword(request: ResetPasswordRequest): Promise<Teacher> {
  return (await callEndpoint(endpoints.resetPassword, { body: request })).teacher;
}

/** Whether password sign-ins ask for a code, and whether this account can turn that on. */
export const secondFactorQuery = () =>
  queryOptions({
    queryKey: queryKeys.secondFactor(),
    queryFn: () => callEndpoint(endpoints.secondFactor),
  });

/** A new secret to scan or type (not on until a right code confirms it). */
export function enrolSecondFactor() {
  return callEndpoint(endpoints.enrolSecondFactor);
}

/** Turns the second factor on; answers the recovery codes, shown once. */
export async function confirmSecondFactor(code: string): Promise<readonly string[]> {
  return (await callEndpoint(endpoints.confirmSecondFactor, { body: { code } })).recoveryCodes;
}

export async function turnOffSecondFactor(proof: {
  readonly password: string;
  readonly code: string;
}): Promise<void> {
  await callEndpoint(endpoints.turnOffSecondFactor, { body: proof });
}

/** The address an invitation link is for; refused when it no longer works. */
export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: queryKeys.invitation(token),
    queryFn: () => callEndpoint(endpoints.checkInvitation, { body: { token } }),
    staleTime: Infinity,
    retry: false,
  });

export async function acceptInvitation(request: AcceptInvitationRequest): Promise<Teacher> {
  return (await callEndpoint(endpoints.acceptInvitation, { body: request })).teacher;
}
