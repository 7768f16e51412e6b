import type { Queryable } from '../db/database';

/** The score as the outbox keeps it: what is sent, but the timestamp (set as it goes out). */
export interface OutboxScore {
  readonly scoreGiven: number | null;
  readonly scoreMaximum: number;
  readonly comment: string;
  readonly activityProgress: 'Completed' | 'InProgress';
  readonly gradingProgress: 'FullyGraded' | 'Pending' | 'NotReady';
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

/** A student's grade and how sending it goes. */
export interface OutboxRecord {
  readonly participantId: string;
  readonly sessionId: string;
  readonly linkId: string;
  readonly score: OutboxScore;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly sentAt: string | null;
}

/** A grade due to be sent, with whom the LMS knows the student as. */
export interface DueGrade extends OutboxRecord {
  readonly sub: string;
  readonly platformId: string;
}

/** A session's student who came in from an LMS. */
export interface LtiStudentRecord {
  readonly participantId: string;
  readonly sub: string;
  readonly platformId: string;
  readonly isRemoved: boolean;
}

interface OutboxRow {
  participant_id: string;
  session_id: string;
  link_id: string;
  score: OutboxScore | string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date | string | null;
  last_error: string | null;
  sent_at: Date | string | null;
}

const isoOrNull = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

const toRecord = (row: OutboxRow): OutboxRecord => ({
  participantId: row.participant_id,
  sessionId: row.session_id,
  linkId: row.link_id,
  score: typeof row.score === 'string' ? (JSON.parse(row.score) as OutboxScore) : row.score,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: isoOrNull(row.next_attempt_at),
  lastError: row.last_error,
  sentAt: isoOrNull(row.sent_at),
});

const COLUMNS = `o.participant_id, o.session_id, o.link_id, o.score, o.status, o.attempts,
  o.next_attempt_at, o.last_error, o.sent_at`;

/** The session's students tied to an LMS user, removed ones too. */
export async function listLtiStudents(
  db: Queryable,
  sessionId: string,
): Promise<LtiStudentRecord[]> {
  const { rows } = await db.query<{
    id: string;
    sub: string;
    platform_id: string;
    removed_at: Date | string | null;
  }>(
    `SELECT p.id, u.sub, u.platform_id, p.removed_at
     FROM participants p JOIN lti_users u ON u.id = p.lti_user_id
     WHERE p.session_id = $1 ORDER BY p.joined_at, p.id`,
    [sessionId],
  );
  return rows.map((row) => ({
    participantId: row.id,
    sub: row.sub,
    platformId: row.platform_id,
    isRemoved: row.removed_at !== null,
  }));
}

/**
 * Queues a student's grade to be sent now, unless the same score is queued or sent already
 * (a grade that did not change is not sent again). True when it was queued.
 */
export async function queueGrade(
  db: Queryable,
  grade: { participantId: string; sessionId: string; linkId: string; score: OutboxScore },
): Promise<boolean> {
  const { rows } = await db.query<{ participant_id: string }>(
    `INSERT INTO lti_grade_outbox (participant_id, session_id, link_id, score, status, next_attempt_at)
     VALUES ($1, $2, $3, $4, 'pending', now())
     ON CONFLICT (participant_id) DO UPDATE SET score = EXCLUDED.score, link_id = EXCLUDED.link_id,
       status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL,
       updated_at = now()
     WHERE lti_grade_outbox.score <> EXCLUDED.score OR lti_grade_outbox.status = 'cancelled'
     RETURNING participant_id`,
    [grade.participantId, grade.sessionId, grade.linkId, JSON.stringify(grade.score)],
  );
  return rows.length === 1;
}

/** Cancels what waits to be sent for a student (removed from the session). */
export async function cancelGrade(db: Queryable, participantId: string): Promise<void> {
  await db.query(
    `UPDATE lti_grade_outbox SET status = 'cancelled', next_attempt_at = NULL, updated_at = now()
     WHERE participant_id = $1 AND status IN ('pending', 'failed')`,
    [participantId],
  );
}

/**
 * Takes up to `limit` grades due by `now` (the database's now when null: a grade queued a moment
 * ago is due, whatever the two clocks' precision) for sending, leased for `leaseMs` so another
 * instance does not send them too; a student removed meanwhile is not taken.
 */
export async function claimDueGrades(
  db: Queryable,
  now: Date | null,
  leaseMs: number,
  limit: number,
): Promise<DueGrade[]> {
  const { rows } = await db.query<OutboxRow & { sub: string; platform_id: string }>(
    `WITH due AS (
       SELECT o.participant_id FROM lti_grade_outbox o
       JOIN participants p ON p.id = o.participant_id
       WHERE o.status = 'pending' AND o.next_attempt_at <= coalesce($1::timestamptz, now())
         AND p.removed_at IS NULL
       ORDER BY o.next_attempt_at LIMIT $3 FOR UPDATE OF o SKIP LOCKED
     )
     UPDATE lti_grade_outbox o
     SET next_attempt_at = coalesce($1::timestamptz, now()) + $2 * interval '1 millisecond'
     FROM due, participants p, lti_users u
     WHERE o.participant_id = due.participant_id AND p.id = o.participant_id
       AND u.id = p.lti_user_id
     RETURNING ${COLUMNS}, u.sub, u.platform_id`,
    [now, leaseMs, limit],
  );
  return rows.map((row) => ({ ...toRecord(row), sub: row.sub, platformId: row.platform_id }));
}

/** Marks the grade sent, if it is still the score that went out (a newer one waits its turn). */
export async function markGradeSent(
  db: Queryable,
  participantId: string,
  score: OutboxScore,
): Promise<void> {
  await db.query(
    `UPDATE lti_grade_outbox SET status = 'sent', attempts = attempts + 1, sent_at = now(),
       next_attempt_at = NULL, last_error = NULL, updated_at = now()
     WHERE participant_id = $1 AND score = $2 AND status = 'pending'`,
    [participantId, JSON.stringify(score)],
  );
}

/** Records a failed attempt: tried again at `retryAt`, or given up on when it is null. */
export async function markGradeFailed(
  db: Queryable,
  participantId: string,
  input: { error: string; retryAt: Date | null },
): Promise<void> {
  await db.query(
    `UPDATE lti_grade_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
       status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
       updated_at = now()
     WHERE participant_id = $1 AND status = 'pending'`,
    [participantId, input.error, input.retryAt],
  );
}

/** The session's grades, one per student who has one. */
export async function listSessionGrades(db: Queryable, sessionId: string): Promise<OutboxRecord[]> {
  const { rows } = await db.query<OutboxRow>(
    `SELECT ${COLUMNS} FROM lti_grade_outbox o WHERE o.session_id = $1`,
    [sessionId],
  );
  return rows.map(toRecord);
}

/**
 * Sends again, now, the session's grades that failed or wait (one student's, or all); a
 * removed student's are not. Answers how many were queued.
 */
export async function retryGrades(
  db: Queryable,
  sessionId: string,
  participantId: string | null,
): Promise<number> {
  const { rows } = await db.query<{ participant_id: string }>(
    `UPDATE lti_grade_outbox o SET status = 'pending', attempts = 0, next_attempt_at = now(),
       updated_at = now()
     FROM participants p
     WHERE p.id = o.participant_id AND p.removed_at IS NULL AND o.session_id = $1
       AND ($2::uuid IS NULL OR o.participant_id = $2::uuid) AND o.status IN ('pending', 'failed')
     RETURNING o.participant_id`,
    [sessionId, participantId],
  );
  return rows.length;
}

/** Sessions with a grade sent or queued as Pending: marks still to come for someone. */
export async function listSessionsAwaitingMarks(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ session_id: string }>(
    `SELECT DISTINCT session_id FROM lti_grade_outbox
     WHERE status <> 'cancelled' AND score->>'gradingProgress' = 'Pending'`,
  );
  return rows.map((row) => row.session_id);
}

/** One student's grade row, for their data export; null when they have none. */
export async function findStudentGrade(
  db: Queryable,
  participantId: string,
): Promise<OutboxRecord | null> {
  const { rows } = await db.query<OutboxRow>(
    `SELECT ${COLUMNS} FROM lti_grade_outbox o WHERE o.participant_id = $1`,
    [participantId],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}
