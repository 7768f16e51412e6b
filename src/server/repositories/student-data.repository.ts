import type { Answer } from '#domain/lesson/answers';
import type { StoredStudentAnswer } from '#domain/reports/student-data-export';
import type { Queryable } from '../db/database';
import { toIso } from './class-sessions.repository';
import { participantLabel } from '#domain/live/participant-label';

/**
 * One student's data as a whole: what an export reads and what a deletion erases. Every table
 * that names a student: participants (the row), answers (by participant_id, and by cascade),
 * speaking_turns, wall_replies (by cascade: the replies they wrote, and the replies classmates
 * wrote to their responses, which answer nothing once those are gone), writing_feedback, and
 * session_events (addressed to them, or carrying their id in the event: joined, progressed,
 * presence, removed, moderation). Nothing else holds a participant's id or name.
 */

export interface StudentRecord {
  readonly id: string;
  readonly displayName: string;
  readonly label: string;
  readonly joinedAt: string;
  readonly lastSeenAt: string;
  readonly removedAt: string | null;
  readonly currentSectionId: string | null;
}

interface StudentRow {
  id: string;
  display_name: string;
  name_number: number;
  joined_at: Date | string;
  last_seen_at: Date | string;
  removed_at: Date | string | null;
  current_section_id: string | null;
}

/** The student, removed or not; null when the session has no such student. */
export async function findStudentRecord(
  db: Queryable,
  sessionId: string,
  participantId: string,
): Promise<StudentRecord | null> {
  const { rows } = await db.query<StudentRow>(
    `SELECT id, display_name, name_number, joined_at, last_seen_at, removed_at, current_section_id
     FROM participants WHERE session_id = $1 AND id = $2`,
    [sessionId, participantId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    displayName: row.display_name,
    label: participantLabel(row.display_name, row.name_number),
    joinedAt: toIso(row.joined_at),
    lastSeenAt: toIso(row.last_seen_at),
    removedAt: row.removed_at === null ? null : toIso(row.removed_at),
    currentSectionId: row.current_section_id,
  };
}

export async function listStudentAnswers(
  db: Queryable,
  participantId: string,
): Promise<StoredStudentAnswer[]> {
  const { rows } = await db.query<{
    item_id: string;
    answer: Answer;
    revision: number;
    created_at: Date | string;
    updated_at: Date | string;
    is_hidden: boolean;
    is_spotlighted: boolean;
  }>(
    `SELECT item_id, answer, revision, created_at, updated_at, is_hidden, is_spotlighted
     FROM answers WHERE participant_id = $1 ORDER BY created_at, item_id`,
    [participantId],
  );
  return rows.map((r) => ({
    itemId: r.item_id,
    answer: r.answer,
    revision: r.revision,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    isHidden: r.is_hidden,
    isSpotlighted: r.is_spotlighted,
  }));
}

/**
 * The session's stored events that name the student: sent to them, or with their id anywhere
 * in the event (a participant id is a UUID, so a text match cannot hit anything else).
 */
const NAMES_STUDENT = `session_id = $1 AND (participant_id = $2::uuid OR strpos(event::text, $2::text) > 0)`;

export async function countStudentEvents(
  db: Queryable,
  sessionId: string,
  participantId: string,
): Promise<number> {
  const { rows } = await db.query<{ entries: string | number }>(
    `SELECT count(*) AS entries FROM session_events WHERE ${NAMES_STUDENT}`,
    [sessionId, participantId],
  );
  return Number(rows[0]?.entries ?? 0);
}

/**
 * Deletes the student and every row naming them: their stored events, their answers (which
 * take classmates' replies to them along, ON DELETE CASCADE), then the participant row, which
 * takes the rest with it by cascade (their replies, turns and feedback). Call inside a
 * transaction. False when the session has no such student.
 */
export async function deleteStudent(
  db: Queryable,
  sessionId: string,
  participantId: string,
): Promise<boolean> {
  await db.query(`DELETE FROM session_events WHERE ${NAMES_STUDENT}`, [sessionId, participantId]);
  await db.query('DELETE FROM answers WHERE session_id = $1 AND participant_id = $2', [
    sessionId,
    participantId,
  ]);
  const { rows } = await db.query<{ token_hash: string }>(
    'DELETE FROM participants WHERE session_id = $1 AND id = $2 RETURNING token_hash',
    [sessionId, participantId],
  );
  const [deleted] = rows;
  if (!deleted) return false;
  // The cookie's hash alone, so the device is told why it is out (see the migration).
  await db.query(
    `INSERT INTO deleted_participant_tokens (session_id, token_hash) VALUES ($1, $2)
     ON CONFLICT DO NOTHING`,
    [sessionId, deleted.token_hash],
  );
  return true;
}

/** Whether a device's cookie was a student's whom the teacher then deleted. */
export async function isDeletedParticipantToken(
  db: Queryable,
  sessionId: string,
  tokenHash: string,
): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM deleted_participant_tokens WHERE session_id = $1 AND token_hash = $2',
    [sessionId, tokenHash],
  );
  return rows.length > 0;
}
