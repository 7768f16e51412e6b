import { participantLabel } from '#domain/live/participant-label';
import { randomUUID } from 'node:crypto';
import type { Participant } from '#domain/api/live-contracts';
import type { Queryable } from '../db/database';
import { toIso } from './class-sessions.repository';

/**
 * How recently a participant's stream must have been seen for them to count as online. Streams
 * are counted as they open and close; this only matters when an instance dies holding some.
 */
export const ONLINE_WINDOW_SECONDS = 45;
const IS_FRESH = `last_seen_at > now() - interval '${ONLINE_WINDOW_SECONDS} seconds'`;

export interface ParticipantRecord extends Participant {
  readonly sessionId: string;
  readonly isRemoved: boolean;
  /** The skeleton of the name (display-names.ts): look-alike names share one. */
  readonly nameKey: string;
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
  rejoin_code: string;
  name_key: string;
}

const COLUMNS = `id, session_id, display_name, name_number, current_section_id, joined_at, removed_at,
  rejoin_code, name_key, open_streams > 0 AND ${IS_FRESH} AS is_online`;

/** "Sam" for the first Sam of a session, "Sam (2)" for the second. */
function toRecord(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    displayName: row.display_name,
    label: participantLabel(row.display_name, row.name_number),
    joinedAt: toIso(row.joined_at),
    currentSectionId: row.current_section_id,
    isOnline: row.is_online,
    rejoinCode: row.rejoin_code,
    isRemoved: row.removed_at !== null,
    nameKey: row.name_key,
  };
}

/** What the roster and events show of a participant (nothing server-only). */
export function toParticipant(record: ParticipantRecord): Participant {
  const { sessionId: _s, isRemoved: _r, nameKey: _k, ...shown } = record;
  return shown;
}

/**
 * Adds a participant, numbering namesakes (names of one skeleton). Call inside a transaction
 * that has locked the session row, so two students with the same name joining at once get
 * different numbers. `newRejoinCode` is asked again in the rare case a code is already taken.
 */
export async function addParticipant(
  db: Queryable,
  input: {
    sessionId: string;
    displayName: string;
    nameKey: string;
    tokenHash: string;
    sectionId: string | null;
    newRejoinCode: () => string;
  },
): Promise<ParticipantRecord> {
  for (;;) {
    const { rows } = await db.query<ParticipantRow>(
      `INSERT INTO participants
         (id, session_id, display_name, name_key, name_number, token_hash, current_section_id, rejoin_code)
       VALUES ($1, $2, $3, $4,
         (SELECT count(*) + 1 FROM participants WHERE session_id = $2 AND name_key = $4),
         $5, $6, $7)
       ON CONFLICT (session_id, rejoin_code) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        input.sessionId,
        input.displayName,
        input.nameKey,
        input.tokenHash,
        input.sectionId,
        input.newRejoinCode(),
      ],
    );
    if (rows[0]) return toRecord(rows[0]);
  }
}

/**
 * Who in the session (not removed) has a name of this skeleton, and the label the next
 * namesake would get.
 */
export async function findNamesakes(
  db: Queryable,
  sessionId: string,
  nameKey: string,
): Promise<{ present: ParticipantRecord[]; nextNumber: number }> {
  const { rows } = await db.query<ParticipantRow>(
    `SELECT ${COLUMNS} FROM participants WHERE session_id = $1 AND name_key = $2
     ORDER BY name_number`,
    [sessionId, nameKey],
  );
  const records = rows.map(toRecord);
  return { present: records.filter((r) => !r.isRemoved), nextNumber: records.length + 1 };
}

export async function findParticipantByRejoinCode(
  db: Queryable,
  sessionId: string,
  rejoinCode: string,
): Promise<ParticipantRecord | null> {
  const { rows } = await db.query<ParticipantRow>(
    `SELECT ${COLUMNS} FROM participants WHERE session_id = $1 AND rejoin_code = $2`,
    [sessionId, rejoinCode],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Moves the participant to a new device with the rejoin code they gave: the cookie token changes
 * (the device they used before is signed out of the session) and so does the rejoin code, so a
 * code works once. Null when that code was used meanwhile (two devices at once): one wins.
 */
export async function moveParticipantToNewDevice(
  db: Queryable,
  input: {
    participantId: string;
    usedRejoinCode: string;
    tokenHash: string;
    newRejoinCode: () => string;
  },
): Promise<ParticipantRecord | null> {
  for (;;) {
    const { rows } = await db.query<ParticipantRow>(
      `UPDATE participants SET token_hash = $3, rejoin_code = $4
       WHERE id = $1 AND rejoin_code = $2
         AND NOT EXISTS (SELECT 1 FROM participants other
                         WHERE other.session_id = participants.session_id AND other.rejoin_code = $4)
       RETURNING ${COLUMNS}`,
      [input.participantId, input.usedRejoinCode, input.tokenHash, input.newRejoinCode()],
    );
    if (rows[0]) return toRecord(rows[0]);
    const { rows: current } = await db.query<{ rejoin_code: string }>(
      'SELECT rejoin_code FROM participants WHERE id = $1',
      [input.participantId],
    );
    // Still the code given: the new one was taken in this session, so draw another.
    if (current[0]?.rejoin_code !== input.usedRejoinCode) return null;
  }
}

/**
 * Counts an event stream of the participant's as open; true when that makes them online.
 * A count left by an instance that died (not seen for the online window) starts again at one.
 */
export async function countStreamOpened(db: Queryable, participantId: string): Promise<boolean> {
  const { rows } = await db.query<{ open_streams: number }>(
    `UPDATE participants
     SET open_streams = CASE WHEN ${IS_FRESH} THEN open_streams + 1 ELSE 1 END, last_seen_at = now()
     WHERE id = $1 RETURNING open_streams`,
    [participantId],
  );
  return rows[0]?.open_streams === 1;
}

/** Counts an event stream of the participant's as closed; true when they are now offline. */
export async function countStreamClosed(db: Queryable, participantId: string): Promise<boolean> {
  const { rows } = await db.query<{ open_streams: number }>(
    `UPDATE participants SET open_streams = greatest(open_streams - 1, 0)
     WHERE id = $1 RETURNING open_streams`,
    [participantId],
  );
  return rows[0]?.open_streams === 0;
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

/**
 * Every student who ever joined (removed ones too), in join order: what pseudonyms are worked
 * out from, so that removing a student never moves a classmate's pseudonym.
 */
export async function listParticipantIdsInJoinOrder(
  db: Queryable,
  sessionId: string,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM participants WHERE session_id = $1 ORDER BY joined_at, id',
    [sessionId],
  );
  return rows.map((r) => r.id);
}

/** The students the teacher removed, whose answers are still stored. */
export async function listRemovedParticipants(
  db: Queryable,
  sessionId: string,
): Promise<ParticipantRecord[]> {
  const { rows } = await db.query<ParticipantRow>(
    `SELECT ${COLUMNS} FROM participants WHERE session_id = $1 AND removed_at IS NOT NULL
     ORDER BY joined_at, id`,
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
