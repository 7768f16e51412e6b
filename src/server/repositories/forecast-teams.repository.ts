import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';

/** A team of a session's students, forecasting as their members' median (issue 26). */
export interface ForecastTeamRecord {
  readonly id: string;
  readonly sessionId: string;
  readonly name: string;
  /** In join order. */
  readonly memberIds: readonly string[];
}

export async function listForecastTeams(
  db: Queryable,
  sessionIds: readonly string[],
): Promise<ForecastTeamRecord[]> {
  const { rows } = await db.query<{
    id: string;
    session_id: string;
    name: string;
    member_ids: string[] | null;
  }>(
    `SELECT t.id, t.session_id, t.name,
       (SELECT array_agg(m.participant_id::text ORDER BY p.joined_at, p.id)
        FROM forecast_team_members m JOIN participants p ON p.id = m.participant_id
        WHERE m.team_id = t.id AND p.removed_at IS NULL) AS member_ids
     FROM forecast_teams t WHERE t.session_id = ANY($1::uuid[]) ORDER BY t.session_id, t.name, t.id`,
    [[...sessionIds]],
  );
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    name: r.name,
    memberIds: r.member_ids ?? [],
  }));
}

/** Replaces every team of the session (call in a transaction). */
export async function replaceForecastTeams(
  db: Queryable,
  sessionId: string,
  teams: readonly { readonly name: string; readonly participantIds: readonly string[] }[],
): Promise<void> {
  await db.query('DELETE FROM forecast_teams WHERE session_id = $1', [sessionId]);
  for (const team of teams) {
    const id = randomUUID();
    await db.query('INSERT INTO forecast_teams (id, session_id, name) VALUES ($1, $2, $3)', [
      id,
      sessionId,
      team.name,
    ]);
    if (team.participantIds.length > 0) {
      await db.query(
        `INSERT INTO forecast_team_members (team_id, participant_id)
         SELECT $1, p FROM unnest($2::uuid[]) AS p`,
        [id, [...team.participantIds]],
      );
    }
  }
}
