import type { ScenarioOutcome } from '#domain/api/forecast-contracts';
import type { LeaderboardMode } from '#domain/forecasting/leaderboard';
import type { Queryable } from '../db/database';
import { toIso } from './class-sessions.repository';

/** One version of one student's forecast of one question (issue 26). */
export interface ForecastVersionRecord {
  readonly id: string;
  readonly sessionId: string;
  readonly participantId: string;
  readonly itemId: string;
  readonly probabilities: Readonly<Record<string, number>>;
  readonly reason: string | null;
  readonly inClass: boolean;
  readonly madeAt: string;
}

interface VersionRow {
  id: string | number;
  session_id: string;
  participant_id: string;
  item_id: string;
  probabilities: Record<string, number>;
  reason: string | null;
  in_class: boolean;
  made_at: Date | string;
}

const VERSION_COLUMNS =
  'v.id, v.session_id, v.participant_id, v.item_id, v.probabilities, v.reason, v.in_class, v.made_at';

const toVersion = (row: VersionRow): ForecastVersionRecord => ({
  id: String(row.id),
  sessionId: row.session_id,
  participantId: row.participant_id,
  itemId: row.item_id,
  probabilities: row.probabilities,
  reason: row.reason,
  inClass: row.in_class,
  madeAt: toIso(row.made_at),
});

/** A version as json_build_array packs it: [id, participant, item, probabilities, reason, in class, made at]. */
type PackedVersion = [
  number,
  string,
  string,
  Record<string, number>,
  string | null,
  boolean,
  string,
];

/**
 * The versions of the sessions' (not removed) students, oldest first: one read for a whole
 * forecasts page, scored in memory. Packed as one JSON text per question, which the database
 * builds and JSON.parse reads far faster than a row per version (200,000 of them in a large
 * class: see npm run bench:forecasts).
 */
export async function listSessionVersions(
  db: Queryable,
  sessionIds: readonly string[],
): Promise<ForecastVersionRecord[]> {
  // No join and no ORDER BY in the database: PGlite has no autovacuum to keep statistics, and
  // with none a join to participants became a nested loop over every version, and the sort
  // spilled to disk. The few removed students are left out by a hashed subquery; order is
  // restored here.
  const { rows } = await db.query<{ session_id: string; versions: string }>(
    `SELECT v.session_id,
       json_agg(json_build_array(v.id, v.participant_id, v.item_id, v.probabilities, v.reason,
         v.in_class, v.made_at))::text AS versions
     FROM forecast_versions v
     WHERE v.session_id = ANY($1::uuid[])
       AND v.participant_id NOT IN (SELECT id FROM participants
                                    WHERE session_id = ANY($1::uuid[]) AND removed_at IS NOT NULL)
     GROUP BY v.session_id, v.item_id`,
    [[...sessionIds]],
  );
  const versions = rows.flatMap((row) =>
    (JSON.parse(row.versions) as PackedVersion[]).map(
      ([id, participantId, itemId, probabilities, reason, inClass, madeAt]) => ({
        id: String(id),
        sessionId: row.session_id,
        participantId,
        itemId,
        probabilities,
        reason,
        inClass,
        madeAt: toIso(madeAt),
      }),
    ),
  );
  return versions.sort((a, b) =>
    a.madeAt === b.madeAt ? Number(a.id) - Number(b.id) : a.madeAt < b.madeAt ? -1 : 1,
  );
}

/** One student's versions, oldest first (the student's data export). */
export async function listParticipantVersions(
  db: Queryable,
  participantId: string,
): Promise<ForecastVersionRecord[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM forecast_versions v WHERE v.participant_id = $1
     ORDER BY v.item_id, v.made_at, v.id`,
    [participantId],
  );
  return rows.map(toVersion);
}

export async function countParticipantVersions(
  db: Queryable,
  participantId: string,
  itemId: string,
): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM forecast_versions WHERE participant_id = $1 AND item_id = $2',
    [participantId, itemId],
  );
  return Number(rows[0]?.n ?? 0);
}

export interface NewForecastVersion {
  readonly sessionId: string;
  readonly participantId: string;
  readonly itemId: string;
  readonly probabilities: Readonly<Record<string, number>>;
  readonly reason: string | null;
  readonly madeAt: Date;
}

/** Appends versions (one statement for many: the benchmark fills a class this way). */
export async function insertVersions(
  db: Queryable,
  versions: readonly NewForecastVersion[],
): Promise<ForecastVersionRecord[]> {
  if (versions.length === 0) return [];
  const { rows } = await db.query<VersionRow>(
    `INSERT INTO forecast_versions AS v (session_id, participant_id, item_id, probabilities, reason, made_at)
     SELECT s, p, i, pr::jsonb, r, m
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
       AS batch (s, p, i, pr, r, m)
     RETURNING ${VERSION_COLUMNS}`,
    [
      versions.map((v) => v.sessionId),
      versions.map((v) => v.participantId),
      versions.map((v) => v.itemId),
      versions.map((v) => JSON.stringify(v.probabilities)),
      versions.map((v) => v.reason),
      versions.map((v) => v.madeAt.toISOString()),
    ],
  );
  return rows.map(toVersion);
}

/**
 * The answers given in class, as each student's in-class version: one per student and item,
 * replaced while the session is open (the answer committer calls this in its transaction).
 */
export async function saveInClassVersions(
  db: Queryable,
  versions: readonly Omit<NewForecastVersion, 'reason'>[],
): Promise<void> {
  if (versions.length === 0) return;
  await db.query(
    `INSERT INTO forecast_versions (session_id, participant_id, item_id, probabilities, in_class, made_at)
     SELECT s, p, i, pr::jsonb, true, m
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
       AS batch (s, p, i, pr, m)
     ON CONFLICT (participant_id, item_id) WHERE in_class
     DO UPDATE SET probabilities = EXCLUDED.probabilities, made_at = EXCLUDED.made_at`,
    [
      versions.map((v) => v.sessionId),
      versions.map((v) => v.participantId),
      versions.map((v) => v.itemId),
      versions.map((v) => JSON.stringify(v.probabilities)),
      versions.map((v) => v.madeAt.toISOString()),
    ],
  );
}

/** What a teacher changed about each question: its close date (null: the default rule). */
export async function listCloseDates(
  db: Queryable,
  sessionIds: readonly string[],
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ session_id: string; item_id: string; closes_on: string }>(
    `SELECT session_id, item_id, closes_on::text AS closes_on FROM forecast_questions
     WHERE session_id = ANY($1::uuid[]) AND closes_on IS NOT NULL`,
    [[...sessionIds]],
  );
  return new Map(rows.map((r) => [`${r.session_id} ${r.item_id}`, r.closes_on]));
}

export async function saveCloseDate(
  db: Queryable,
  sessionId: string,
  itemId: string,
  closesOn: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO forecast_questions (session_id, item_id, closes_on) VALUES ($1, $2, $3::date)
     ON CONFLICT (session_id, item_id) DO UPDATE SET closes_on = EXCLUDED.closes_on`,
    [sessionId, itemId, closesOn],
  );
}

/** A teacher's resolution of one scenario. */
export interface ScenarioResolutionRecord {
  readonly sessionId: string;
  readonly itemId: string;
  readonly scenarioId: string;
  readonly outcome: ScenarioOutcome;
  readonly resolvedOn: string;
  readonly sourceUrl: string | null;
  readonly resolvedAt: string;
}

export async function listResolutions(
  db: Queryable,
  sessionIds: readonly string[],
): Promise<ScenarioResolutionRecord[]> {
  const { rows } = await db.query<{
    session_id: string;
    item_id: string;
    scenario_id: string;
    outcome: ScenarioOutcome;
    resolved_on: string;
    source_url: string | null;
    resolved_at: Date | string;
  }>(
    `SELECT session_id, item_id, scenario_id, outcome, resolved_on::text AS resolved_on, source_url,
       resolved_at FROM scenario_resolutions WHERE session_id = ANY($1::uuid[])`,
    [[...sessionIds]],
  );
  return rows.map((r) => ({
    sessionId: r.session_id,
    itemId: r.item_id,
    scenarioId: r.scenario_id,
    outcome: r.outcome,
    resolvedOn: r.resolved_on,
    sourceUrl: r.source_url,
    resolvedAt: toIso(r.resolved_at),
  }));
}

export async function saveResolution(
  db: Queryable,
  input: Omit<ScenarioResolutionRecord, 'resolvedAt'> & { readonly resolvedAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO scenario_resolutions
       (session_id, item_id, scenario_id, outcome, resolved_on, source_url, resolved_at)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7)
     ON CONFLICT (session_id, item_id, scenario_id) DO UPDATE
       SET outcome = EXCLUDED.outcome, resolved_on = EXCLUDED.resolved_on,
           source_url = EXCLUDED.source_url, resolved_at = EXCLUDED.resolved_at`,
    [
      input.sessionId,
      input.itemId,
      input.scenarioId,
      input.outcome,
      input.resolvedOn,
      input.sourceUrl,
      input.resolvedAt.toISOString(),
    ],
  );
}

export async function deleteResolution(
  db: Queryable,
  sessionId: string,
  itemId: string,
  scenarioId: string,
): Promise<void> {
  await db.query(
    'DELETE FROM scenario_resolutions WHERE session_id = $1 AND item_id = $2 AND scenario_id = $3',
    [sessionId, itemId, scenarioId],
  );
}

/** The forecast settings of sessions that class_sessions' record leaves out. */
export interface SessionForecastSettings {
  readonly classId: string | null;
  readonly className: string | null;
  readonly leaderboard: LeaderboardMode;
}

export async function listSessionForecastSettings(
  db: Queryable,
  sessionIds: readonly string[],
): Promise<Map<string, SessionForecastSettings>> {
  const { rows } = await db.query<{
    id: string;
    class_id: string | null;
    class_name: string | null;
    leaderboard: LeaderboardMode;
  }>(
    `SELECT s.id, s.class_id, c.name AS class_name, s.leaderboard FROM class_sessions s
     LEFT JOIN classes c ON c.id = s.class_id WHERE s.id = ANY($1::uuid[])`,
    [[...sessionIds]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { classId: r.class_id, className: r.class_name, leaderboard: r.leaderboard },
    ]),
  );
}

export async function setLeaderboardMode(
  db: Queryable,
  sessionId: string,
  mode: LeaderboardMode,
): Promise<void> {
  await db.query('UPDATE class_sessions SET leaderboard = $2 WHERE id = $1', [sessionId, mode]);
}

/** The students of these sessions who opted in to the leaderboard. */
export async function listLeaderboardOptIns(
  db: Queryable,
  sessionIds: readonly string[],
): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM participants WHERE session_id = ANY($1::uuid[]) AND leaderboard_opt_in
       AND removed_at IS NULL`,
    [[...sessionIds]],
  );
  return new Set(rows.map((r) => r.id));
}

export async function setLeaderboardOptIn(
  db: Queryable,
  participantId: string,
  optIn: boolean,
): Promise<void> {
  await db.query('UPDATE participants SET leaderboard_opt_in = $2 WHERE id = $1', [
    participantId,
    optIn,
  ]);
}

/** The teachers' sessions (every one, a class or not): what the due list looks through. */
export async function listTeacherSessionIds(db: Queryable, teacherId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM class_sessions WHERE teacher_id = $1 ORDER BY created_at',
    [teacherId],
  );
  return rows.map((r) => r.id);
}

/**
 * What changes whenever the versions listSessionVersions reads could: how many there are, the
 * newest id, the newest row version (xmin, new on every insert and update, so an in-class
 * version replaced in place shows too) and which students were removed. Cheap next to reading
 * the versions, so a cache of them can be checked on every read (services/version-cache.ts).
 */
export async function sessionVersionsFingerprint(
  db: Queryable,
  sessionIds: readonly string[],
): Promise<string> {
  const { rows } = await db.query<{ fingerprint: string }>(
    `SELECT concat_ws(' ', count(*), max(v.id), max(v.xmin::text::bigint),
       (SELECT string_agg(p.id::text, ',' ORDER BY p.id) FROM participants p
        WHERE p.session_id = ANY($1::uuid[]) AND p.removed_at IS NOT NULL)) AS fingerprint
     FROM forecast_versions v WHERE v.session_id = ANY($1::uuid[])`,
    [[...sessionIds]],
  );
  return rows[0]?.fingerprint ?? '';
}
