import type { Teacher } from '#domain/api/live-contracts';
import type { Queryable } from '../db/database';
import { insertTeacherToken } from './teacher-tokens';

export interface PasswordResetRecord {
  readonly teacher: Teacher;
  readonly isUsed: boolean;
  readonly isExpired: boolean;
}

interface ResetRow {
  id: string;
  email: string;
  name: string;
  is_used: boolean;
  is_expired: boolean;
}

export async function createPasswordReset(
  db: Queryable,
  teacherId: string,
  tokenHash: string,
  expiresAt: Date,
): Promise<void> {
  await insertTeacherToken(db, 'password_resets', teacherId, tokenHash, expiresAt);
  // Links long past their hour are only kept a day, to tell "expired" from "unknown" meanwhile.
  await db.query("DELETE FROM password_resets WHERE expires_at < now() - interval '1 day'");
}

/** The reset with this token hash, used or not, expired or not; null when there is none. */
export async function findPasswordReset(
  db: Queryable,
  tokenHash: string,
): Promise<PasswordResetRecord | null> {
  const { rows } = await db.query<ResetRow>(
    `SELECT t.id, t.email, t.name, r.used_at IS NOT NULL AS is_used,
            r.expires_at <= now() AS is_expired
     FROM password_resets r JOIN teachers t ON t.id = r.teacher_id
     WHERE r.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    teacher: { id: row.id, email: row.email, name: row.name },
    isUsed: row.is_used,
    isExpired: row.is_expired,
  };
}

/**
 * Marks the reset used, only if it still is usable; false when another request used it first
 * (or it expired meanwhile), so a link works once even when two requests race.
 */
export async function markPasswordResetUsed(db: Queryable, tokenHash: string): Promise<boolean> {
  const { rows } = await db.query<{ token_hash: string }>(
    `UPDATE password_resets SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
     RETURNING token_hash`,
    [tokenHash],
  );
  return rows.length > 0;
}

/** Ends the teacher's other links: once a password is set, older links must not set another. */
export async function expireOtherPasswordResets(
  db: Queryable,
  teacherId: string,
  keptTokenHash: string,
): Promise<void> {
  await db.query(
    `UPDATE password_resets SET expires_at = now()
     WHERE teacher_id = $1 AND token_hash <> $2 AND used_at IS NULL AND expires_at > now()`,
    [teacherId, keptTokenHash],
  );
}
