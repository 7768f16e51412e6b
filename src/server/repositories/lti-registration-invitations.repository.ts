import type { Queryable } from '../db/database';

/** Where an invitation to register stands. */
export interface RegistrationInvitationRecord {
  readonly expiresAt: Date;
  readonly isUsed: boolean;
}

export async function insertRegistrationInvitation(
  db: Queryable,
  tokenHash: string,
  expiresAt: Date,
): Promise<void> {
  await db.query(
    'INSERT INTO lti_registration_invitations (token_hash, expires_at) VALUES ($1, $2)',
    [tokenHash, expiresAt],
  );
}

export async function findRegistrationInvitation(
  db: Queryable,
  tokenHash: string,
): Promise<RegistrationInvitationRecord | null> {
  const { rows } = await db.query<{ expires_at: Date | string; used_at: Date | string | null }>(
    'SELECT expires_at, used_at FROM lti_registration_invitations WHERE token_hash = $1',
    [tokenHash],
  );
  const row = rows[0];
  return row ? { expiresAt: new Date(row.expires_at), isUsed: row.used_at !== null } : null;
}

/**
 * Spends the invitation, once: false when another registration spent it first (two
 * confirmations racing), or it expired meanwhile.
 */
export async function useRegistrationInvitation(
  db: Queryable,
  tokenHash: string,
): Promise<boolean> {
  const { rows } = await db.query<{ token_hash: string }>(
    `UPDATE lti_registration_invitations SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING token_hash`,
    [tokenHash],
  );
  return rows.length === 1;
}

/** Notes which platform a spent invitation registered, for the administrator's records. */
export async function recordInvitationPlatform(
  db: Queryable,
  tokenHash: string,
  platformId: string,
): Promise<void> {
  await db.query('UPDATE lti_registration_invitations SET platform_id = $2 WHERE token_hash = $1', [
    tokenHash,
    platformId,
  ]);
}
