import { randomUUID } from 'node:crypto';
import type { SpeakingTurn } from '#domain/api/dashboard-contracts';
import type { SpeakingTurnKind } from '#domain/live/speaking-turns';
import type { Database, Queryable } from '../db/database';
import { inScopeLock } from '../db/scope-lock';
import { toIso } from './class-sessions.repository';

interface TurnRow {
  id: string;
  participant_id: string;
  kind: SpeakingTurnKind | null;
  section_id: string | null;
  created_at: Date | string;
}

const toTurn = (row: TurnRow): SpeakingTurn => ({
  id: row.id,
  participantId: row.participant_id,
  kind: row.kind,
  sectionId: row.section_id,
  at: toIso(row.created_at),
});

/**
 * The session's turns, oldest first; with `participantId`, one student's. Removed students'
 * turns stay stored (the tally leaves them out, as the results leave out their answers).
 */
export async function listSpeakingTurns(
  db: Queryable,
  sessionId: string,
  options: { readonly participantId?: string } = {},
): Promise<SpeakingTurn[]> {
  const { rows } = await db.query<TurnRow>(
    `SELECT id, participant_id, kind, section_id, created_at FROM speaking_turns
     WHERE session_id = $1 AND ($2::uuid IS NULL OR participant_id = $2::uuid)
     ORDER BY created_at, id`,
    [sessionId, options.participantId ?? null],
  );
  return rows.map(toTurn);
}

/**
 * Records a turn of a student still in the session, unless the session already holds `max`
 * turns. Answers 'not-in-session', 'full' or the turn; counted and inserted under the session's
 * turn lock, so taps at once (two tabs, two teachers' devices) never pass the cap.
 */
export function addSpeakingTurn(
  db: Database,
  input: {
    readonly sessionId: string;
    readonly participantId: string;
    readonly kind: SpeakingTurnKind | null;
    readonly sectionId: string | null;
    readonly max: number;
  },
): Promise<SpeakingTurn | 'not-in-session' | 'full'> {
  return inScopeLock(db, `speaking-turns:${input.sessionId}`, (tx) =>
    insertSpeakingTurn(tx, input),
  );
}

async function insertSpeakingTurn(
  db: Queryable,
  input: Parameters<typeof addSpeakingTurn>[1],
): Promise<SpeakingTurn | 'not-in-session' | 'full'> {
  const { rows } = await db.query<TurnRow & { is_full: boolean }>(
    `WITH student AS (
       SELECT id FROM participants
       WHERE session_id = $2 AND id = $3 AND removed_at IS NULL
     ), fullness AS (
       SELECT count(*) >= $6 AS is_full FROM speaking_turns WHERE session_id = $2
     ), inserted AS (
       INSERT INTO speaking_turns (id, session_id, participant_id, kind, section_id)
       SELECT $1, $2, student.id, $4, $5 FROM student, fullness WHERE NOT fullness.is_full
       RETURNING id, participant_id, kind, section_id, created_at
     )
     SELECT inserted.*, fullness.is_full FROM fullness LEFT JOIN inserted ON true`,
    [randomUUID(), input.sessionId, input.participantId, input.kind, input.sectionId, input.max],
  );
  const row = rows[0];
  if (row?.is_full) return 'full';
  if (!row?.id) return 'not-in-session';
  return toTurn(row);
}

/** Deletes one of the session's turns; false when it has no such turn. */
export async function removeSpeakingTurn(
  db: Queryable,
  sessionId: string,
  turnId: string,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'DELETE FROM speaking_turns WHERE session_id = $1 AND id = $2 RETURNING id',
    [sessionId, turnId],
  );
  return rows.length > 0;
}
