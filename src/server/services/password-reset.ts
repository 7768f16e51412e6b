import type { Teacher } from '#domain/api/live-contracts';
import type { ServerConfig } from '../config';
import type { Database, Queryable } from '../db/database';
import {
  createPasswordReset,
  expireOtherPasswordResets,
  findPasswordReset,
  markPasswordResetUsed,
} from '../repositories/password-resets.repository';
import {
  deleteAuthSessionsOfTeacher,
  findTeacherByEmail,
  updateTeacherPasswordHash,
} from '../repositories/teachers.repository';
import { ApiError } from '../lib/api-error';
import { refuseWeakPassword } from '../lib/password-policy';
import { hashPassword, hashToken, newToken } from '../lib/secrets';

/** How long a link to set a new password works. */
export const RESET_LINK_MINUTES = 60;

export const RESET_PAGE_PATH = '/teach/reset-password';

export interface PasswordResetLink {
  readonly teacher: Teacher;
  readonly url: string;
  readonly expiresAt: Date;
}

/** Where links point: PUBLIC_URL, else the address the server listens on. */
export function configuredBaseUrl(config: Pick<ServerConfig, 'publicUrl' | 'host' | 'port'>) {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

/**
 * Makes a one-time link for the teacher with this e-mail (any case); null when no teacher has
 * it. Only the token's hash is stored: the link itself exists only in what is returned.
 */
export async function createPasswordResetLink(
  db: Queryable,
  email: string,
  baseUrl: string,
): Promise<PasswordResetLink | null> {
  const found = await findTeacherByEmail(db, email);
  if (!found) return null;
  const teacher = { id: found.id, email: found.email, name: found.name };
  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_LINK_MINUTES * 60_000);
  await createPasswordReset(db, teacher.id, hashToken(token), expiresAt);
  const url = `${baseUrl}${RESET_PAGE_PATH}?token=${encodeURIComponent(token)}`;
  return { teacher, url, expiresAt };
}

const INVALID_LINK = {
  unknown:
    'This link to set a new password is not valid. Check that it was copied whole, or ask for a new one.',
  used: 'This link to set a new password has already been used. Ask for a new one if you need it.',
  expired: 'This link to set a new password has expired. Ask for a new one.',
} as const;

function refuseLink(reason: keyof typeof INVALID_LINK): never {
  throw new ApiError(400, 'reset_link_invalid', INVALID_LINK[reason], 'token');
}

/** The teacher a link is for, while it is usable; a clear refusal when used, expired or unknown. */
export async function requireUsableResetLink(db: Queryable, token: string): Promise<Teacher> {
  const reset = await findPasswordReset(db, hashToken(token));
  if (!reset) return refuseLink('unknown');
  if (reset.isUsed) return refuseLink('used');
  if (reset.isExpired) return refuseLink('expired');
  return reset.teacher;
}

/**
 * Sets a new password with a link: the link is used up, older links and every sign-in session
 * of the teacher end (whoever knew the old password is signed out). The caller signs in anew.
 */
export async function resetPasswordWithLink(
  db: Database,
  token: string,
  password: string,
): Promise<Teacher> {
  const teacher = await requireUsableResetLink(db, token);
  await refuseWeakPassword(password, teacher);
  const passwordHash = await hashPassword(password);
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    // Checked again inside the transaction: two requests with one link set one password.
    if (!(await markPasswordResetUsed(tx, tokenHash))) {
      await requireUsableResetLink(tx, token);
      refuseLink('used');
    }
    await updateTeacherPasswordHash(tx, teacher.id, passwordHash);
    await deleteAuthSessionsOfTeacher(tx, teacher.id);
    await expireOtherPasswordResets(tx, teacher.id, tokenHash);
  });
  return teacher;
}
