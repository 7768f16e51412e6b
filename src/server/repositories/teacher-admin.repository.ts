import type { Queryable } from '../db/database';

/** A teacher account as an administrator sees it. */
export interface TeacherAccountRecord {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly isAdmin: boolean;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
  readonly lessonCount: number;
  readonly sessionCount: number;
}

interface AccountRow {
  id: string;
  name: string;
  email: string;
  is_admin: boolean;
  disabled_at: Date | string | null;
  created_at: Date | string;
  lesson_count: number | string;
  session_count: number | string;
}

const toAccount = (row: AccountRow): TeacherAccountRecord => ({
  id: row.id,
  name: row.name,
  email: row.email,
  isAdmin: row.is_admin,
  disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at),
  createdAt: new Date(row.created_at),
  lessonCount: Number(row.lesson_count),
  sessionCount: Number(row.session_count),
});

const SELECT_ACCOUNTS = `SELECT t.id, t.name, t.email, t.is_admin, t.disabled_at, t.created_at,
    (SELECT count(*) FROM lessons l WHERE l.owner_id = t.id) AS lesson_count,
    (SELECT count(*) FROM class_sessions s WHERE s.teacher_id = t.id) AS session_count
  FROM teachers t`;

export async function listTeacherAccounts(db: Queryable): Promise<TeacherAccountRecord[]> {
  const { rows } = await db.query<AccountRow>(`${SELECT_ACCOUNTS} ORDER BY lower(t.name), t.email`);
  return rows.map(toAccount);
}

export async function findTeacherAccount(
  db: Queryable,
  where: { readonly id: string } | { readonly email: string },
): Promise<TeacherAccountRecord | null> {
  const { rows } =
    'id' in where
      ? await db.query<AccountRow>(`${SELECT_ACCOUNTS} WHERE t.id = $1`, [where.id])
      : await db.query<AccountRow>(`${SELECT_ACCOUNTS} WHERE lower(t.email) = lower($1)`, [
          where.email,
        ]);
  return rows[0] ? toAccount(rows[0]) : null;
}

/** Whether the teacher is an administrator, and whether the account is disabled. */
export async function findTeacherStanding(
  db: Queryable,
  teacherId: string,
): Promise<{ readonly isAdmin: boolean; readonly isDisabled: boolean } | null> {
  const { rows } = await db.query<{ is_admin: boolean; disabled_at: unknown }>(
    'SELECT is_admin, disabled_at FROM teachers WHERE id = $1',
    [teacherId],
  );
  const row = rows[0];
  return row ? { isAdmin: row.is_admin, isDisabled: row.disabled_at !== null } : null;
}

export async function setTeacherAdmin(
  db: Queryable,
  teacherId: string,
  isAdmin: boolean,
): Promise<void> {
  await db.query('UPDATE teachers SET is_admin = $2 WHERE id = $1', [teacherId, isAdmin]);
}

/** Disables the account (its sign-ins end: see deleteAuthSessionsOfTeacher) or re-enables it. */
export async function setTeacherDisabled(
  db: Queryable,
  teacherId: string,
  isDisabled: boolean,
): Promise<void> {
  await db.query(
    `UPDATE teachers SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END
     WHERE id = $1`,
    [teacherId, isDisabled],
  );
}

/** What moved from one teacher to another, table by table. */
export interface TransferCounts {
  readonly lessons: number;
  readonly sessions: number;
  readonly classes: number;
  readonly ltiPlacements: number;
}

async function moveRows(db: Queryable, sql: string, fromId: string, toId: string): Promise<number> {
  const { rows } = await db.query<{ moved: number | string }>(
    `WITH moved AS (${sql} RETURNING 1) SELECT count(*) AS moved FROM moved`,
    [fromId, toId],
  );
  return Number(rows[0]?.moved ?? 0);
}

/**
 * Gives everything a teacher owns to another (run it in a transaction): lessons, class sessions,
 * forecast classes and LMS placements. Sign-ins, reset links and an LMS account's link stay.
 */
export async function transferTeacherWork(
  db: Queryable,
  fromId: string,
  toId: string,
): Promise<TransferCounts> {
  return {
    lessons: await moveRows(
      db,
      'UPDATE lessons SET owner_id = $2 WHERE owner_id = $1',
      fromId,
      toId,
    ),
    sessions: await moveRows(
      db,
      'UPDATE class_sessions SET teacher_id = $2 WHERE teacher_id = $1',
      fromId,
      toId,
    ),
    classes: await moveRows(
      db,
      'UPDATE classes SET teacher_id = $2 WHERE teacher_id = $1',
      fromId,
      toId,
    ),
    ltiPlacements: await moveRows(
      db,
      'UPDATE lti_placements SET teacher_id = $2 WHERE teacher_id = $1',
      fromId,
      toId,
    ),
  };
}
