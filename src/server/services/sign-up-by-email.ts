import type { SignUpRequest, Teacher } from '#domain/api/live-contracts';
import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import {
  createPendingSignUp,
  takePendingSignUp,
} from '../repositories/pending-sign-ups.repository';
import { createTeacher, findTeacherByEmail } from '../repositories/teachers.repository';
import { ApiError } from '../lib/api-error';
import type { Mail } from '../lib/mailer';
import { hashPassword, hashToken, newToken } from '../lib/secrets';
import { requireSignUpAllowed } from './sign-up-policy';

/** How long the link that finishes a sign-up works. */
export const SIGN_UP_LINK_HOURS = 24;

export const CONFIRM_SIGN_UP_PAGE_PATH = '/teach/confirm-sign-up';
const FORGOT_PASSWORD_PAGE_PATH = '/teach/forgot-password';

export const SIGN_UP_SENT = `Check your e-mail to finish: we sent a message to this address. If it is new here, the message has a link that creates your account (it works for ${SIGN_UP_LINK_HOURS} hours); if it already has an account, the message says how to sign in. If nothing arrives, look in the spam folder.`;

/**
 * A sign-up on a server that sends e-mail: the mail to send, the same work done whether or not
 * the address has an account (a password is hashed in both), so neither the answer nor its time
 * tells a stranger which. A new address gets a link that makes the account; an owner, a warning.
 */
export async function prepareSignUpMail(
  db: Database,
  request: SignUpRequest,
  baseUrl: string,
): Promise<Mail> {
  const passwordHash = await hashPassword(request.password);
  const owner = await findTeacherByEmail(db, request.email);
  if (owner) return ownerWarningMail(owner, baseUrl);
  const token = newToken();
  const expiresAt = new Date(Date.now() + SIGN_UP_LINK_HOURS * 3_600_000);
  await createPendingSignUp(
    db,
    hashToken(token),
    { email: request.email, name: request.name, passwordHash },
    expiresAt,
  );
  const url = `${baseUrl}${CONFIRM_SIGN_UP_PAGE_PATH}?token=${encodeURIComponent(token)}`;
  return confirmMail(request, url, expiresAt);
}

function confirmMail(request: SignUpRequest, url: string, expiresAt: Date): Mail {
  const until = expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  return {
    to: request.email,
    subject: 'Finish creating your account on Article Discussion',
    text: [
      `Hello ${request.name},`,
      '',
      `Someone, we hope you, signed up for a teacher account with ${request.email} on Article Discussion. Open this link to create it:`,
      '',
      url,
      '',
      `The link works once, until ${until} UTC.`,
      '',
      'If you did not sign up, ignore this e-mail: no account is made.',
    ].join('\n'),
  };
}

function ownerWarningMail(owner: Teacher, baseUrl: string): Mail {
  return {
    to: owner.email,
    subject: 'Someone tried to sign up with your e-mail on Article Discussion',
    text: [
      `Hello ${owner.name},`,
      '',
      `Someone tried to create a teacher account on Article Discussion with ${owner.email}, which already has an account: yours. Nothing was changed, and no new account was made.`,
      '',
      `If it was you, sign in instead. If you forgot your password, set a new one here:`,
      '',
      `${baseUrl}${FORGOT_PASSWORD_PAGE_PATH}`,
      '',
      'If it was not you, you need not do anything: your password stays as it is.',
    ].join('\n'),
  };
}

const INVALID_LINK =
  'This link to create an account is not valid: it was used already, has expired or was not copied whole. Sign up again, or sign in if the account exists.';

/** Makes the account a sign-up link was sent for; a clear refusal when the link does not work. */
export async function confirmSignUp(
  db: Database,
  config: ServerConfig,
  token: string,
): Promise<Teacher> {
  const teacher = await db.transaction(async (tx) => {
    const pending = await takePendingSignUp(tx, hashToken(token));
    if (!pending) return null;
    // Sign-up may have closed to the address since the link was sent: the link is kept then.
    await requireSignUpAllowed(tx, config, pending.email);
    // Null when the address got an account meanwhile (another link of the same address).
    return createTeacher(tx, pending);
  });
  if (!teacher) throw new ApiError(400, 'sign_up_link_invalid', INVALID_LINK, 'token');
  return teacher;
}
