import type { SessionMode } from '#domain/api/live-contracts';
import type { Queryable } from '../db/database';

/** A lesson and mode a teacher placed in a course by deep linking. */
export interface LtiPlacementRecord {
  readonly id: string;
  readonly platformId: string;
  readonly teacherId: string;
  readonly lessonId: string;
  readonly mode: SessionMode;
  readonly title: string;
}

interface PlacementRow {
  id: string;
  platform_id: string;
  teacher_id: string;
  lesson_id: string;
  mode: SessionMode;
  title: string;
}

export async function insertPlacement(db: Queryable, placement: LtiPlacementRecord): Promise<void> {
  await db.query(
    `INSERT INTO lti_placements (id, platform_id, teacher_id, lesson_id, mode, title)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      placement.id,
      placement.platformId,
      placement.teacherId,
      placement.lessonId,
      placement.mode,
      placement.title,
    ],
  );
}

/** The placement by its id, which the caller has checked is a uuid. */
export async function findPlacement(db: Queryable, id: string): Promise<LtiPlacementRecord | null> {
  const { rows } = await db.query<PlacementRow>(
    `SELECT id, platform_id, teacher_id, lesson_id, mode, title FROM lti_placements WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        platformId: row.platform_id,
        teacherId: row.teacher_id,
        lessonId: row.lesson_id,
        mode: row.mode,
        title: row.title,
      }
    : null;
}

/**
 * Gives a link its placement, lesson, mode and session, unless a session was given to it
 * first (by a launch racing this one): false then, and the caller's session is not used.
 */
export async function setUpResourceLink(
  db: Queryable,
  linkId: string,
  placement: LtiPlacementRecord,
  sessionId: string,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE lti_resource_links
     SET placement_id = $2, lesson_id = $3, mode = $4, session_id = $5
     WHERE id = $1 AND session_id IS NULL RETURNING id`,
    [linkId, placement.id, placement.lessonId, placement.mode, sessionId],
  );
  return rows.length === 1;
}

/** The session a link opens now (null when it has none, or its session was deleted). */
export async function findResourceLinkSessionId(
  db: Queryable,
  linkId: string,
): Promise<string | null> {
  const { rows } = await db.query<{ session_id: string | null }>(
    'SELECT session_id FROM lti_resource_links WHERE id = $1',
    [linkId],
  );
  return rows[0]?.session_id ?? null;
}
