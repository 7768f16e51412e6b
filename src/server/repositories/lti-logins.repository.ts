import type { Queryable } from '../db/database';

/** A login initiation waiting for its launch. */
export interface LtiLoginRecord {
  readonly state: string;
  readonly nonce: string;
  readonly platformId: string;
  readonly expiresAt: Date;
  readonly isUsed: boolean;
}

interface LoginRow {
  state: string;
  nonce: string;
  platform_id: string;
  expires_at: Date | string;
  used_at: Date | string | null;
}

export async function insertLogin(
  db: Queryable,
  login: Pick<LtiLoginRecord, 'state' | 'nonce' | 'platformId' | 'expiresAt'>,
): Promise<void> {
  await db.query(
    'INSERT INTO lti_logins (state, nonce, platform_id, expires_at) VALUES ($1, $2, $3, $4)',
    [login.state, login.nonce, login.platformId, login.expiresAt],
  );
}

export async function findLogin(db: Queryable, state: string): Promise<LtiLoginRecord | null> {
  const { rows } = await db.query<LoginRow>(
    'SELECT state, nonce, platform_id, expires_at, used_at FROM lti_logins WHERE state = $1',
    [state],
  );
  const row = rows[0];
  return row
    ? {
        state: row.state,
        nonce: row.nonce,
        platformId: row.platform_id,
        expiresAt: new Date(row.expires_at),
        isUsed: row.used_at !== null,
      }
    : null;
}

/**
 * Marks the login used, once: true for the one launch that did, false when another launch
 * already had (a replay, even one racing the first).
 */
export async function useLogin(db: Queryable, state: string): Promise<boolean> {
  const { rows } = await db.query<{ state: string }>(
    'UPDATE lti_logins SET used_at = now() WHERE state = $1 AND used_at IS NULL RETURNING state',
    [state],
  );
  return rows.length === 1;
}

/** Drops logins expired before `now`: a launch with one of their nonces is refused anyway. */
export async function deleteExpiredLogins(db: Queryable, now: Date): Promise<number> {
  const { rows } = await db.query<{ state: string }>(
    'DELETE FROM lti_logins WHERE expires_at < $1 RETURNING state',
    [now],
  );
  return rows.length;
}
