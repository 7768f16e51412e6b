import { randomUUID } from 'node:crypto';
import type { Teacher } from '#domain/api/live-contracts';
import type { Queryable } from '../db/database';
import { insertTeacherToken } from './teacher-tokens';

interface TeacherRow {
  id: string;
  email: string;
  name: string;
  /** Null for an account made by an LTI launch: it signs in from the LMS only. */
  password_hash: string | null;
}

const toTeacher = (row: TeacherRow): Teacher => ({ id: row.id, email: row.email, name: row.name });

/** Creates a teacher; null when the e-mail is taken (compared without case). */
export async function createTeacher(
  db: Queryable,
  input: { email: string; name: string; passwordHash: string },
): Promise<Teacher | null> {
  const { rows } = await db.query<TeacherRow>(
    `INSERT INTO teachers (id, email, name, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (lower(email)) DO NOTHING
     RETURNING id, email, name, password_hash`,
    [randomUUID(), input.email, input.name, input.passwordHash],
  );
  return rows[0] ? toTeacher(rows[0]) : null;
}

export async function findTeacherByEmail(
  db: Queryable,
  email: string,
): Promise<(Teacher & { passwordHash: string | null }) | null> {
  const { rows } = await db.query<TeacherRow>(
    'SELECT id, email, name, password_hash FROM teachers WHERE lower(email) = lower($1)',
    [email],
  );
  const row = rows[0];
  return row ? { ...toTeacher(row), passwordHash: row.password_hash } : null;
}

export async function createAuthSession(
  db: Queryable,
  teacherId: string,
  tokenHash: string,
  expiresAt: Date,
): Promise<void> {
  await insertTeacherToken(db, 'auth_sessions', teacherId, tokenHash, expiresAt);
}

/** A live sign-in's teacher, and whether its last use is over a minute old (worth writing). */
export interface AuthSessionUse {
  readonly teacher: Teacher;
  readonly isLastUseStale: boolean;
}

/**
 * The teacher a sign-in cookie's token opens: its sign-in has not expired (SIGN_IN_MAX_DAYS,
 * expires_at) and was used within `idleHours` (SIGN_IN_IDLE_HOURS). The database's clock decides.
 */
export async function findTeacherByAuthToken(
  db: Queryable,
  tokenHash: string,
  idleHours: number,
): Promise<AuthSessionUse | null> {
  const { rows } = await db.query<TeacherRow & { is_stale: boolean }>(
    `SELECT t.id, t.email, t.name, t.password_hash,
            s.last_used_at < now() - interval '1 minute' AS is_stale
     FROM auth_sessions s
     JOIN teachers t ON t.id = s.teacher_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND t.disabled_at IS NULL
       AND s.last_used_at > now() - make_interval(hours => $2)`,
    [tokenHash, idleHours],
  );
  const row = rows[0];
  return row ? { teacher: toTeacher(row), isLastUseStale: row.is_stale } : null;
}

/** Notes that the sign-in was used now (called at most about once a minute per sign-in). */
export async function touchAuthSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(
    `UPDATE auth_sessions SET last_used_at = now()
     WHERE token_hash = $1 AND last_used_at < now() - interval '1 minute'`,
    [tokenHash],
  );
}

export async function deleteAuthSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM auth_sessions WHERE token_hash = $1', [tokenHash]);
}

export async function updateTeacherPasswordHash(
  db: Queryable,
  teacherId: string,
  passwordHash: string,
): Promise<void> {
  await db.query('UPDATE teachers SET password_hash = $2 WHERE id = $1', [teacherId, passwordHash]);
}

/** Signs the teacher out everywhere: every sign-in session ends. */
export async function deleteAuthSessionsOfTeacher(db: Queryable, teacherId: string): Promise<void> {
  await db.query('DELETE FROM auth_sessions WHERE teacher_id = $1', [teacherId]);
}

/**
 * Deletes the teacher and, by cascade, everything in the account: sign-ins, reset links,
 * sessions with their students, answers, summaries, outcomes and stored events. Returns the ids
 * of the sessions that went, so their open streams can be ended.
 */
export async function deleteTeacherAccount(db: Queryable, teacherId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM class_sessions WHERE teacher_id = $1',
    [teacherId],
  );
  await db.query('DELETE FROM teachers WHERE id = $1', [teacherId]);
  return rows.map((r) => r.id);
}
