import { randomUUID } from 'node:crypto';
import type {
  ItemState,
  ItemStatus,
  PublishedSummary,
  SessionEndedBy,
  SessionMode,
  SessionStatus,
} from '#domain/api/live-contracts';
import type { WallIdentity } from '#domain/live/wall-identity';
import type { Queryable } from '../db/database';

export interface ClassSessionRecord {
  readonly id: string;
  readonly teacherId: string;
  readonly lessonId: string;
  /** The published version the session pinned; null only if it predates the library. */
  readonly lessonVersionId: string | null;
  /** That version's number (0 when there is none). */
  readonly lessonVersion: number;
  readonly mode: SessionMode;
  readonly status: SessionStatus;
  readonly joinCode: string;
  readonly currentSectionId: string;
  readonly createdAt: string;
  readonly endedAt: string | null;
  /** How classmates appear to each other on the wall and the projector. */
  readonly wallIdentity: WallIdentity;
  /** The teacher keeps it open: the idle end passes it by. */
  readonly keepOpen: boolean;
  /** Who ended it; null while open. */
  readonly endedBy: SessionEndedBy | null;
  /** The last teacher action, answer or join: the idle end counts from it. */
  readonly lastActivityAt: string;
  /** "Names hidden from me too": the teacher's views name no student on the wall or map. */
  readonly namesHiddenFromTeacher: boolean;
}

interface SessionRow {
  id: string;
  teacher_id: string;
  lesson_id: string;
  lesson_version_id: string | null;
  lesson_version: number | null;
  mode: SessionMode;
  status: SessionStatus;
  join_code: string;
  current_section_id: string;
  created_at: Date | string;
  ended_at: Date | string | null;
  wall_identity: WallIdentity;
  keep_open: boolean;
  ended_by: SessionEndedBy | null;
  last_activity_at: Date | string;
  names_hidden_from_teacher: boolean;
}

const SESSION_COLUMN_NAMES = [
  'id',
  'teacher_id',
  'lesson_id',
  'lesson_version_id',
  'mode',
  'status',
  'join_code',
  'current_section_id',
  'created_at',
  'ended_at',
  'wall_identity',
  'keep_open',
  'ended_by',
  'last_activity_at',
  'names_hidden_from_teacher',
];

/** A session's columns, and its pinned version's number, from `table` (a name or an alias). */
const sessionColumns = (table: string) =>
  `${SESSION_COLUMN_NAMES.map((c) => `${table}.${c}`).join(', ')}, ` +
  `(SELECT v.number FROM lesson_versions v WHERE v.id = ${table}.lesson_version_id) AS lesson_version`;
const SESSION_COLUMNS = sessionColumns('class_sessions');

export const toIso = (value: Date | string): string => new Date(value).toISOString();

function toRecord(row: SessionRow): ClassSessionRecord {
  return {
    id: row.id,
    teacherId: row.teacher_id,
    lessonId: row.lesson_id,
    lessonVersionId: row.lesson_version_id,
    lessonVersion: row.lesson_version === null ? 0 : row.lesson_version,
    mode: row.mode,
    status: row.status,
    joinCode: row.join_code,
    currentSectionId: row.current_section_id,
    createdAt: toIso(row.created_at),
    endedAt: row.ended_at === null ? null : toIso(row.ended_at),
    wallIdentity: row.wall_identity,
    keepOpen: row.keep_open,
    endedBy: row.ended_by,
    lastActivityAt: toIso(row.last_activity_at),
    namesHiddenFromTeacher: row.names_hidden_from_teacher,
  };
}

/**
 * Creates a session under the join code the caller made, unless an open session holds that
 * code already: then null, and the caller tries another (services/class-sessions.ts).
 */
export async function insertClassSession(
  db: Queryable,
  input: {
    teacherId: string;
    lessonId: string;
    lessonVersionId: string;
    mode: SessionMode;
    firstSectionId: string;
    joinCode: string;
  },
): Promise<ClassSessionRecord | null> {
  const { rows } = await db.query<SessionRow>(
    `INSERT INTO class_sessions
       (id, teacher_id, lesson_id, mode, join_code, current_section_id, lesson_version_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (join_code) WHERE status = 'open' DO NOTHING
     RETURNING ${SESSION_COLUMNS}`,
    [
      randomUUID(),
      input.teacherId,
      input.lessonId,
      input.mode,
      input.joinCode,
      input.firstSectionId,
      input.lessonVersionId,
    ],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findClassSession(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ClassSessionRecord | null> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM class_sessions WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** The newest session with this code: the open one if any, else the latest ended one. */
export async function findClassSessionByCode(
  db: Queryable,
  code: string,
): Promise<ClassSessionRecord | null> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM class_sessions WHERE join_code = $1
     ORDER BY (status = 'open') DESC, created_at DESC LIMIT 1`,
    [code],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Every session with this code, open or ended, newest first (a code is reused once ended). */
export async function listClassSessionsByCode(
  db: Queryable,
  code: string,
): Promise<ClassSessionRecord[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM class_sessions WHERE join_code = $1
     ORDER BY created_at DESC LIMIT 50`,
    [code],
  );
  return rows.map(toRecord);
}

export async function setCurrentSection(db: Queryable, id: string, sectionId: string) {
  await db.query('UPDATE class_sessions SET current_section_id = $2 WHERE id = $1', [
    id,
    sectionId,
  ]);
}

/** Something happened in the session (an action, a join, an answer): it is not idle. */
export async function touchClassSession(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE class_sessions SET last_activity_at = now() WHERE id = $1', [id]);
}

/** The teacher keeps the session open past the idle end, or lets it end when idle again. */
export async function setKeepOpen(db: Queryable, id: string, keepOpen: boolean): Promise<void> {
  await db.query('UPDATE class_sessions SET keep_open = $2 WHERE id = $1', [id, keepOpen]);
}

/** Names hidden from the teacher too: one way, never turned off. */
export async function hideNamesFromTeacher(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE class_sessions SET names_hidden_from_teacher = true WHERE id = $1', [id]);
}

export async function endClassSession(db: Queryable, id: string) {
  await db.query(
    `UPDATE class_sessions SET status = 'ended', ended_at = now(), ended_by = 'teacher'
     WHERE id = $1 AND status = 'open'`,
    [id],
  );
}

interface ItemStateRow {
  item_id: string;
  status: ItemStatus;
  is_revealed: boolean;
}

export async function listItemStates(db: Queryable, sessionId: string): Promise<ItemState[]> {
  const { rows } = await db.query<ItemStateRow>(
    'SELECT item_id, status, is_revealed FROM item_states WHERE session_id = $1',
    [sessionId],
  );
  return rows.map((r) => ({ itemId: r.item_id, status: r.status, isRevealed: r.is_revealed }));
}

/** The item's state, locked until the transaction ends so a close and an answer take turns. */
/**
 * The stored states of several items, locked (FOR SHARE) until commit, so a
 * close cannot slip in before the answers are saved; keyed by `${sessionId} ${itemId}`. Items with no row are left out.
 */
export async function findItemStatesForUpdate(
  db: Queryable,
  items: readonly { sessionId: string; itemId: string }[],
): Promise<Map<string, ItemState>> {
  const { rows } = await db.query<ItemStateRow & { session_id: string }>(
    `SELECT session_id, item_id, status, is_revealed FROM item_states
     WHERE (session_id, item_id) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
     ORDER BY session_id, item_id FOR SHARE`,
    [items.map((i) => i.sessionId), items.map((i) => i.itemId)],
  );
  return new Map(
    rows.map((row) => [
      `${row.session_id} ${row.item_id}`,
      { itemId: row.item_id, status: row.status, isRevealed: row.is_revealed },
    ]),
  );
}

export async function saveItemState(
  db: Queryable,
  sessionId: string,
  state: ItemState,
): Promise<void> {
  await db.query(
    `INSERT INTO item_states (session_id, item_id, status, is_revealed) VALUES ($1, $2, $3, $4)
     ON CONFLICT (session_id, item_id)
     DO UPDATE SET status = EXCLUDED.status, is_revealed = EXCLUDED.is_revealed, updated_at = now()`,
    [sessionId, state.itemId, state.status, state.isRevealed],
  );
}

interface SummaryRow {
  section_id: string;
  text: string;
  published_at: Date | string;
}

export async function listSummaries(db: Queryable, sessionId: string): Promise<PublishedSummary[]> {
  const { rows } = await db.query<SummaryRow>(
    'SELECT section_id, text, published_at FROM section_summaries WHERE session_id = $1 ORDER BY published_at',
    [sessionId],
  );
  return rows.map((r) => ({
    sectionId: r.section_id,
    text: r.text,
    publishedAt: toIso(r.published_at),
  }));
}

export async function saveSummary(
  db: Queryable,
  sessionId: string,
  sectionId: string,
  text: string,
): Promise<PublishedSummary> {
  const { rows } = await db.query<SummaryRow>(
    `INSERT INTO section_summaries (session_id, section_id, text) VALUES ($1, $2, $3)
     ON CONFLICT (session_id, section_id) DO UPDATE SET text = EXCLUDED.text, published_at = now()
     RETURNING section_id, text, published_at`,
    [sessionId, sectionId, text],
  );
  const row = rows[0]!;
  return { sectionId: row.section_id, text: row.text, publishedAt: toIso(row.published_at) };
}

export async function deleteSummary(db: Queryable, sessionId: string, sectionId: string) {
  await db.query('DELETE FROM section_summaries WHERE session_id = $1 AND section_id = $2', [
    sessionId,
    sectionId,
  ]);
}

export async function listClassSessionsWithCounts(
  db: Queryable,
  teacherId: string,
): Promise<(ClassSessionRecord & { participantCount: number; answerCount: number })[]> {
  const { rows } = await db.query<
    SessionRow & { participant_count: string | number; answer_count: string | number }
  >(
    `SELECT ${sessionColumns('s')},
       (SELECT count(*) FROM participants p WHERE p.session_id = s.id AND p.removed_at IS NULL) AS participant_count,
       (SELECT count(*) FROM answers a JOIN participants p ON p.id = a.participant_id AND p.removed_at IS NULL
        WHERE a.session_id = s.id) AS answer_count
     FROM class_sessions s WHERE s.teacher_id = $1 ORDER BY s.created_at DESC`,
    [teacherId],
  );
  return rows.map((row) => ({
    ...toRecord(row),
    participantCount: Number(row.participant_count),
    answerCount: Number(row.answer_count),
  }));
}

export async function setWallIdentity(db: Queryable, id: string, wallIdentity: WallIdentity) {
  await db.query('UPDATE class_sessions SET wall_identity = $2 WHERE id = $1', [id, wallIdentity]);
}

/** Deletes a session and, by cascade, its students, answers, events and everything else. */
export async function deleteClassSession(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM class_sessions WHERE id = $1', [id]);
}

interface OutcomeRow {
  item_id: string;
  outcomes: Record<string, { happened: boolean; text: string }>;
  revealed_at: Date | string;
}

export async function saveForecastOutcomes(
  db: Queryable,
  sessionId: string,
  itemId: string,
  outcomes: Record<string, { happened: boolean; text: string }>,
): Promise<void> {
  await db.query(
    `INSERT INTO forecast_outcomes (session_id, item_id, outcomes) VALUES ($1, $2, $3)
     ON CONFLICT (session_id, item_id) DO UPDATE SET outcomes = EXCLUDED.outcomes, revealed_at = now()`,
    [sessionId, itemId, JSON.stringify(outcomes)],
  );
}

export async function listForecastOutcomes(
  db: Queryable,
  sessionId: string,
): Promise<
  {
    itemId: string;
    outcomes: Record<string, { happened: boolean; text: string }>;
    revealedAt: string;
  }[]
> {
  const { rows } = await db.query<OutcomeRow>(
    'SELECT item_id, outcomes, revealed_at FROM forecast_outcomes WHERE session_id = $1',
    [sessionId],
  );
  return rows.map((r) => ({
    itemId: r.item_id,
    outcomes: r.outcomes,
    revealedAt: toIso(r.revealed_at),
  }));
}
