import type { Queryable } from '../db/database';

/** The tables that hold a hashed token granting a teacher something until it expires. */
type TeacherTokenTable = 'auth_sessions' | 'password_resets';

/** Stores a token's hash for the teacher (a sign-in cookie or a reset link) until `expiresAt`. */
export async function insertTeacherToken(
  db: Queryable,
  table: TeacherTokenTable,
  teacherId: string,
  tokenHash: string,
  expiresAt: Date,
): Promise<void> {
  // `table` is one of two literal names, never caller text.
  await db.query(`INSERT INTO ${table} (token_hash, teacher_id, expires_at) VALUES ($1, $2, $3)`, [
    tokenHash,
    teacherId,
    expiresAt.toISOString(),
  ]);
}
