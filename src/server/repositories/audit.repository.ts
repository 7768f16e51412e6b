import type { Queryable } from '../db/database';

/**
 * The audit trail's rows (migration 023). Append-only: there is no update here, and the only
 * delete takes rows past the audit retention, which the database's trigger also insists on.
 */

/** One row as stored: every reference a keyed hash (services/audit-trail.ts), never an id. */
export interface AuditRow {
  readonly at: Date;
  readonly actorKind: 'teacher' | 'admin' | 'system';
  readonly actorRef: string | null;
  readonly action: string;
  readonly sessionRef: string | null;
  readonly studentRef: string | null;
  readonly addressHash: string | null;
  readonly detail: string | null;
}

export async function insertAuditRow(db: Queryable, row: Omit<AuditRow, 'at'>): Promise<void> {
  await db.query(
    `INSERT INTO audit_events
       (actor_kind, actor_ref, action, session_ref, student_ref, address_hash, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      row.actorKind,
      row.actorRef,
      row.action,
      row.sessionRef,
      row.studentRef,
      row.addressHash,
      row.detail,
    ],
  );
}

interface StoredRow {
  at: Date | string;
  actor_kind: AuditRow['actorKind'];
  actor_ref: string | null;
  action: string;
  session_ref: string | null;
  student_ref: string | null;
  address_hash: string | null;
  detail: string | null;
}

/** The rows from `since` (inclusive) to `until` (exclusive), either open, oldest first. */
export async function listAuditRows(
  db: Queryable,
  range: { readonly since: Date | null; readonly until: Date | null },
): Promise<AuditRow[]> {
  const { rows } = await db.query<StoredRow>(
    `SELECT at, actor_kind, actor_ref, action, session_ref, student_ref, address_hash, detail
     FROM audit_events
     WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)
     ORDER BY at, id`,
    [range.since?.toISOString() ?? null, range.until?.toISOString() ?? null],
  );
  return rows.map((row) => ({
    at: new Date(row.at),
    actorKind: row.actor_kind,
    actorRef: row.actor_ref,
    action: row.action,
    sessionRef: row.session_ref,
    studentRef: row.student_ref,
    addressHash: row.address_hash,
    detail: row.detail,
  }));
}

/** Deletes the rows older than `before` (past the audit retention); returns how many went. */
export async function deleteAuditRowsBefore(db: Queryable, before: Date): Promise<number> {
  const { rows } = await db.query<{ count: string | number }>(
    `WITH gone AS (DELETE FROM audit_events WHERE at < $1 RETURNING 1)
     SELECT count(*) AS count FROM gone`,
    [before.toISOString()],
  );
  return Number(rows[0]?.count ?? 0);
}

/** The detail of the newest row of `action`, or null when there is none. */
export async function lastAuditDetail(db: Queryable, action: string): Promise<string | null> {
  const { rows } = await db.query<{ detail: string | null }>(
    'SELECT detail FROM audit_events WHERE action = $1 ORDER BY at DESC, id DESC LIMIT 1',
    [action],
  );
  return rows[0]?.detail ?? null;
}

/** Tells the database's trigger how old a row must be before it may be deleted. */
export async function setAuditRetention(db: Queryable, days: number): Promise<void> {
  await db.query(
    `INSERT INTO audit_retention (id, days) VALUES (true, $1)
     ON CONFLICT (id) DO UPDATE SET days = EXCLUDED.days`,
    [days],
  );
}

/** Every teacher account's id and e-mail, to name the actors of the rows while they exist. */
export async function listAccountIds(db: Queryable): Promise<{ id: string; email: string }[]> {
  const { rows } = await db.query<{ id: string; email: string }>('SELECT id, email FROM teachers');
  return rows;
}

/** Every session's id, to name the sessions of the rows while they exist. */
export async function listSessionIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM class_sessions');
  return rows.map((row) => row.id);
}
