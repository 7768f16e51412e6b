import type { Queryable } from '../db/database';

export interface PendingSignUp {
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
}

export async function createPendingSignUp(
  db: Queryable,
  tokenHash: string,
  signUp: PendingSignUp,
  expiresAt: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO pending_sign_ups (token_hash, email, name, password_hash, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [tokenHash, signUp.email, signUp.name, signUp.passwordHash, expiresAt.toISOString()],
  );
  // Nobody opened these links in time: what they held (a password hash) is not kept.
  await db.query('DELETE FROM pending_sign_ups WHERE expires_at < now()');
}

/**
 * Takes the sign-up with this token hash, if its link still works: it is deleted as it is read,
 * so a link makes one account even when two requests race. Null when unknown, used or expired.
 */
export async function takePendingSignUp(
  db: Queryable,
  tokenHash: string,
): Promise<PendingSignUp | null> {
  const { rows } = await db.query<{ email: string; name: string; password_hash: string }>(
    `DELETE FROM pending_sign_ups WHERE token_hash = $1 AND expires_at > now()
     RETURNING email, name, password_hash`,
    [tokenHash],
  );
  const row = rows[0];
  return row ? { email: row.email, name: row.name, passwordHash: row.password_hash } : null;
}
