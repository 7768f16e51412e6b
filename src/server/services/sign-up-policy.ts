import type { ServerConfig } from '../config';
import { emailDomain } from '../config-sign-up';
import type { Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';
import { hasLiveInvitation } from '../repositories/teacher-invitations.repository';

/** How someone not invited gets an account when sign-up is not open to them. */
const ASK_FOR_INVITATION =
  "Ask your school's administrator for an invitation: it comes as a link that opens your account.";

/** What the refusal says, naming the domains that may sign up when there are some. */
export function signUpClosedMessage(domains: readonly string[]): string {
  if (domains.length === 0) {
    return `Sign-up on this server is by invitation only. ${ASK_FOR_INVITATION}`;
  }
  const listed = domains.map((domain) => `@${domain}`).join(', ');
  return `Sign-up on this server is open to e-mail addresses ending in ${listed} only. For another address, ask your school's administrator for an invitation.`;
}

/**
 * Whether sign-up is open to the address by the server's policy or an unexpired invitation of
 * it, accepted or not: the same answer whether or not the address has an account.
 */
export async function isSignUpOpenTo(
  db: Queryable,
  config: ServerConfig,
  email: string,
): Promise<boolean> {
  if (config.signUp.isOpen) return true;
  if (config.signUp.domains.includes(emailDomain(email))) return true;
  return hasLiveInvitation(db, email);
}

/**
 * Throws 403 sign_up_closed unless a NEW teacher account may be opened for the address: sign-up
 * is open, its domain is in SIGNUP_DOMAINS, or an administrator invited it (an invitation counts
 * as accepted once an account with its address exists). Every way of opening an account calls it.
 */
export async function requireSignUpAllowed(
  db: Queryable,
  config: ServerConfig,
  email: string,
): Promise<void> {
  if (await isSignUpOpenTo(db, config, email)) return;
  throw new ApiError(403, 'sign_up_closed', signUpClosedMessage(config.signUp.domains), 'email');
}
