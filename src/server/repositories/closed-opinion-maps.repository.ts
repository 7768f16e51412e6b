import { withoutParticipants } from '#domain/discussion/class-map';
import type { OpinionMap } from '#domain/discussion/opinion-map-schema';
import type { Queryable } from '../db/database';
import { saveOpinionMap } from './class-statements.repository';

/**
 * Saved opinion maps name students only while their item is open: once it closes (or the
 * session ends), the stored map keeps its positions and groups without the students' ids.
 */

/** The item is closed, or its session has ended: its map must not name anyone. */
export async function isMapItemClosed(
  db: Queryable,
  sessionId: string,
  itemId: string,
): Promise<boolean> {
  const { rows } = await db.query<{ closed: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM class_sessions WHERE id = $1 AND status = 'ended')
         OR EXISTS (SELECT 1 FROM item_states
                    WHERE session_id = $1 AND item_id = $2 AND status = 'closed') AS closed`,
    [sessionId, itemId],
  );
  return rows[0]?.closed === true;
}

/** Drops the students' ids from the stored map of one item, or of every item of the session. */
export async function forgetParticipantsInMaps(
  db: Queryable,
  sessionId: string,
  itemId: string | null = null,
): Promise<void> {
  const { rows } = await db.query<{ item_id: string; map: OpinionMap | string }>(
    `SELECT item_id, map FROM opinion_maps WHERE session_id = $1 AND ($2::text IS NULL OR item_id = $2)`,
    [sessionId, itemId],
  );
  for (const row of rows) {
    const map = typeof row.map === 'string' ? (JSON.parse(row.map) as OpinionMap) : row.map;
    if (map.status === 'ready')
      await saveOpinionMap(db, sessionId, row.item_id, withoutParticipants(map));
  }
}
