import { randomUUID } from 'node:crypto';
import type { Participant } from '../../domain/live/live-contracts';
import type { Queryable } from '../db/database';
import { toIso } from './class-sessions.repository';

/** How recently a participant's stream must have been seen for them to count as online. */
export const ONLINE_WINDOW_SECONDS = 45;

export interface ParticipantRecord extends Participant {
  readonly sessionId: string;
  readonly isRemoved: boolean;
}

interface ParticipantRow {
  id: string;
  session_id: string;
  display_name: string;
  name_number: number;
  current_section_id: string | null;
  joined_at: Date | string;
  is_online: boolean;
  removed_at: Date | string | null;
}

const COLUMNS = `id, session_id, display_name, name_number, current_section_id, joined_at, removed_at,
  last_seen_at > now() - interval '${ONLINE_WINDOW_SECONDS} seconds' AS is_online`;

/** "Sam" for the first Sam of a session, "Sam (2)" for the second. */
export const participantLabel = (displayName: string, nameNumber: number) =>
  nameNumber > 1 ? `${displayName} (${nameNumber})` : displayName;

function toRecord(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    displayName: row.display_name,
    label: participantLabel(row.display_name, row.name_number),
    joinedAt: toIso(row.joined_at),
    currentSectionId: row.current_section_id,
    isOnline: row.is_online,
    isRemoved: row.removed_at !== null,
  };
}

/**
 * Adds a participant, numbering namesakes. Call inside a transaction that has locked the
 * session row, so two students with the same name joining at once get different numbers.
 */
export async function addParticipant(
  db: Queryable,
  input: { sessionId: string; displayName: string; tokenHash: string; sectionId: string | null },
): Promise<ParticipantRecord> {
  const { rows } = await db.query<ParticipantRow>(
    `INSERT INTO participants (id, session_id, display_name, name_number, token_hash, current_section_id)
     VALUES ($1, $2, $3,
       (SELECT count(*) + 1 FROM participants WHERE session_id = $2 AND lower(display_name) = lower($3)),
       $4, $5)
     RETURNING ${COLUMNS}`,
    [randomUUID(), input.sessionId, input.displayName, input.tokenHash, input.sectionId],
  );
  return toRecord(rows[0]!);
}

export async function findParticipantByToken(
  db: Queryable,
  sessionId: string,
  tokenHash: string,
): Promise<ParticipantRecord | null> {
  const { rows } = await db.query<ParticipantRow>(
    `SELECT ${COLUMNS} FROM participants WHERE session_id = $1 AND token_hash = $2`,
    [sessionId, tokenHash],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function listParticipants(
  db: Queryable,
  sessionId: string,
): Promise<ParticipantRecord[]> {
  const { rows } = await db.query<ParticipantRow>(
    `SELECT ${COLUMNS} FROM participants WHERE session_id = $1 AND removed_at IS NULL ORDER BY joined_at, id`,
    [sessionId],
  );
  return rows.map(toRecord);
}

/** Marks a participant removed; true when they were there to remove. */
export async function removeParticipant(
  db: Queryable,
  sessionId: string,
  participantId: string,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE participants SET removed_at = now()
     WHERE session_id = $1 AND id = $2 AND removed_at IS NULL RETURNING id`,
    [sessionId, participantId],
  );
  return rows.length > 0;
}

/** Records that these participants' streams are alive (one statement per heartbeat). */
export async function markParticipantsSeen(db: Queryable, participantIds: readonly string[]) {
  if (participantIds.length === 0) return;
  await db.query('UPDATE participants SET last_seen_at = now() WHERE id = ANY($1::uuid[])', [
    [...participantIds],
  ]);
}

export async function setParticipantSection(
  db: Queryable,
  participantId: string,
  sectionId: string,
) {
  await db.query('UPDATE participants SET current_section_id = $2 WHERE id = $1', [
    participantId,
    sectionId,
  ]);
}
