import type { Audience, LiveEvent } from '#domain/api/live-events';
import type { Queryable } from '../db/database';

export interface StoredEvent {
  readonly id: number;
  readonly sessionId: string;
  readonly audience: Audience;
  readonly event: LiveEvent;
}

interface EventRow {
  id: string | number;
  session_id: string;
  audience: 'everyone' | 'teacher' | 'participant';
  participant_id: string | null;
  event: LiveEvent;
}

function toStored(row: EventRow): StoredEvent {
  const audience: Audience =
    row.audience === 'participant' && row.participant_id
      ? { to: 'participant', participantId: row.participant_id }
      : row.audience === 'teacher'
        ? { to: 'teacher' }
        : { to: 'everyone' };
  return { id: Number(row.id), sessionId: row.session_id, audience, event: row.event };
}

export async function insertSessionEvent(
  db: Queryable,
  sessionId: string,
  audience: Audience,
  event: LiveEvent,
): Promise<number> {
  const { rows } = await db.query<{ id: string | number }>(
    `INSERT INTO session_events (session_id, audience, participant_id, event)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      sessionId,
      audience.to,
      audience.to === 'participant' ? audience.participantId : null,
      JSON.stringify(event),
    ],
  );
  return Number(rows[0]!.id);
}

export async function findSessionEvent(db: Queryable, id: number): Promise<StoredEvent | null> {
  const { rows } = await db.query<EventRow>(
    'SELECT id, session_id, audience, participant_id, event FROM session_events WHERE id = $1',
    [id],
  );
  return rows[0] ? toStored(rows[0]) : null;
}

/** The events a reconnecting client missed, oldest first (at most `limit`). */
export async function listSessionEventsAfter(
  db: Queryable,
  sessionId: string,
  afterId: number,
  limit = 500,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT id, session_id, audience, participant_id, event FROM session_events
     WHERE session_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    [sessionId, afterId, limit],
  );
  return rows.map(toStored);
}

/**
 * Deletes stored events older than `before`, and returns how many went. A client away longer
 * than that is not replayed them: on every reconnect it refetches the state anyway.
 */
export async function pruneSessionEvents(db: Queryable, before: Date): Promise<number> {
  const { rows } = await db.query<{ pruned: string | number }>(
    `WITH gone AS (DELETE FROM session_events WHERE created_at < $1 RETURNING 1)
     SELECT count(*) AS pruned FROM gone`,
    [before.toISOString()],
  );
  return Number(rows[0]?.pruned ?? 0);
}
