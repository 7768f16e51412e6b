import type { CourseLearner } from '#domain/lti/class-list';
import type { Queryable } from '../db/database';

/** The course's learners as last read from the LMS, and how that went. */
export interface StoredRoster {
  readonly learners: readonly CourseLearner[] | null;
  readonly fetchedAt: string | null;
  readonly error: string | null;
}

export async function findRoster(db: Queryable, linkId: string): Promise<StoredRoster> {
  const { rows } = await db.query<{
    roster_members: CourseLearner[] | string | null;
    roster_fetched_at: Date | string | null;
    roster_error: string | null;
  }>(
    'SELECT roster_members, roster_fetched_at, roster_error FROM lti_resource_links WHERE id = $1',
    [linkId],
  );
  const row = rows[0];
  if (!row) return { learners: null, fetchedAt: null, error: null };
  const members = row.roster_members;
  return {
    learners: typeof members === 'string' ? (JSON.parse(members) as CourseLearner[]) : members,
    fetchedAt:
      row.roster_fetched_at === null ? null : new Date(row.roster_fetched_at).toISOString(),
    error: row.roster_error,
  };
}

/** Keeps a class list just read (and clears the last error). */
export async function saveRoster(
  db: Queryable,
  linkId: string,
  learners: readonly CourseLearner[],
): Promise<void> {
  await db.query(
    `UPDATE lti_resource_links SET roster_members = $2, roster_fetched_at = now(), roster_error = NULL
     WHERE id = $1`,
    [linkId, JSON.stringify(learners)],
  );
}

/** Records why reading the class list failed; the list read before stays. */
export async function saveRosterError(db: Queryable, linkId: string, error: string): Promise<void> {
  await db.query('UPDATE lti_resource_links SET roster_error = $2 WHERE id = $1', [linkId, error]);
}

/** The LMS ids (subs, on the platform) of the session's students who came in from it. */
export async function listStartedSubs(
  db: Queryable,
  sessionId: string,
  platformId: string,
): Promise<Set<string>> {
  const { rows } = await db.query<{ sub: string }>(
    `SELECT u.sub FROM participants p JOIN lti_users u ON u.id = p.lti_user_id
     WHERE p.session_id = $1 AND u.platform_id = $2`,
    [sessionId, platformId],
  );
  return new Set(rows.map((row) => row.sub));
}
