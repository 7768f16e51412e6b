import { ApiError } from './api-error';

export const COMMON_PASSWORD_MESSAGE =
  'This password is one of the most common ones; choose another.';
export const PERSONAL_PASSWORD_MESSAGE =
  'The password must not be your e-mail address or your name; choose another.';

let commonPasswords: Promise<ReadonlySet<string>> | null = null;

/**
 * The ~49,000 most common passwords (zxcvbn-ts's list, from breach corpora), as NIST SP 800-63B
 * advises checking against. Loaded on first use, on the server only: the list is large (~60 ms
 * to build the set) and the client bundle must stay small.
 */
export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())),
    (error: unknown) => {
      // A failed load is retried by the next caller rather than remembered.
      commonPasswords = null;
      throw error;
    },
  );
  return commonPasswords;
}

/**
 * Refuses a new password that attackers try first: a common one (compared without case, so
 * "Password1" is as weak as "password1"), or the account's own e-mail address or name.
 * The length rules are the request schema's.
 */
export async function refuseWeakPassword(
  password: string,
  account: { readonly email: string; readonly name: string },
): Promise<void> {
  const candidate = password.trim().toLowerCase();
  const email = account.email.trim().toLowerCase();
  const personal = [email, email.split('@')[0] ?? '', account.name.trim().toLowerCase()];
  if (personal.includes(candidate)) {
    throw new ApiError(400, 'weak_password', PERSONAL_PASSWORD_MESSAGE, 'password');
  }
  if ((await loadCommonPasswords()).has(candidate)) {
    throw new ApiError(400, 'weak_password', COMMON_PASSWORD_MESSAGE, 'password');
  }
}
