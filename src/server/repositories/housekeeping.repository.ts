import type { Queryable } from '../db/database';

/**
 * The deletions and endings of the periodic sweep (plugins/housekeeping.plugin.ts). Each is one
 * statement that only touches rows still due, so two instances sweeping at once do each row once
 * between them and a repeated sweep finds nothing left.
 */

const countOf = (rows: { count: string | number }[]) => Number(rows[0]?.count ?? 0);

/**
 * Ends the open sessions idle since before `idleSince`, but those their teacher keeps open;
 * returns their ids.
 */
export async function endIdleClassSessions(
  db: Queryable,
  idleSince: Date,
  now: Date,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE class_sessions SET status = 'ended', ended_at = $2, ended_by = 'idle'
     WHERE status = 'open' AND NOT keep_open AND last_activity_at < $1
     RETURNING id`,
    [idleSince.toISOString(), now.toISOString()],
  );
  return rows.map((r) => r.id);
}

/**
 * Deletes the sessions that ended before `endedBefore` and, by cascade, their students, answers,
 * summaries, outcomes and stored events. Returns their ids.
 */
export async function deleteClassSessionsEndedBefore(
  db: Queryable,
  endedBefore: Date,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `DELETE FROM class_sessions WHERE status = 'ended' AND ended_at < $1 RETURNING id`,
    [endedBefore.toISOString()],
  );
  return rows.map((r) => r.id);
}

/**
 * Deletes the sign-ins that expired before `now` (SIGN_IN_MAX_DAYS) or were last used before
 * `idleSince` (SIGN_IN_IDLE_HOURS); returns how many went.
 */
export async function deleteExpiredAuthSessions(
  db: Queryable,
  now: Date,
  idleSince: Date,
): Promise<number> {
  const { rows } = await db.query<{ count: string | number }>(
    `WITH gone AS (
       DELETE FROM auth_sessions WHERE expires_at < $1 OR last_used_at < $2 RETURNING 1
     ) SELECT count(*) AS count FROM gone`,
    [now.toISOString(), idleSince.toISOString()],
  );
  return countOf(rows);
}

/**
 * Deletes password-reset links used or expired before `before`. They are kept that long after,
 * so that opening one meanwhile says "already used" or "expired" rather than "unknown".
 */
export async function deleteSpentPasswordResets(db: Queryable, before: Date): Promise<number> {
  const { rows } = await db.query<{ count: string | number }>(
    `WITH gone AS (
       DELETE FROM password_resets WHERE expires_at < $1 OR used_at < $1 RETURNING 1
     ) SELECT count(*) AS count FROM gone`,
    [before.toISOString()],
  );
  return countOf(rows);
}
