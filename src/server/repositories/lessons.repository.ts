import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { toIso } from './class-sessions.repository';

/** A lesson of the library as stored (services/lesson-library.ts gives it meaning). */
export interface LessonRecord {
  readonly id: string;
  /** null for a built-in lesson. */
  readonly ownerId: string | null;
  readonly title: string;
  readonly draft: unknown;
  readonly draftSavedAt: string | null;
  readonly shareKey: string | null;
  readonly archivedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface LessonVersionRecord {
  readonly id: string;
  readonly lessonId: string;
  readonly number: number;
  /** The version as an open lesson file. */
  readonly file: string;
  readonly publishedAt: string;
}

/** A library row: the lesson, its newest version's number and how many sessions used it. */
export interface LibraryRow extends LessonRecord {
  readonly latestVersionId: string | null;
  readonly latestVersion: number | null;
  readonly sessionCount: number;
}

interface LessonRow {
  id: string;
  owner_id: string | null;
  title: string;
  draft: unknown;
  draft_saved_at: Date | string | null;
  share_key: string | null;
  archived_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

interface VersionRow {
  id: string;
  lesson_id: string;
  number: number;
  file: string;
  published_at: Date | string;
}

const LESSON_COLUMNS =
  'l.id, l.owner_id, l.title, l.draft, l.draft_saved_at, l.share_key, l.archived_at, l.created_at, l.updated_at';
const VERSION_COLUMNS = 'id, lesson_id, number, file, published_at';

const isoOrNull = (value: Date | string | null) => (value === null ? null : toIso(value));

function toLesson(row: LessonRow): LessonRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    // PGlite hands jsonb back parsed; node-postgres too. A string would be a driver change.
    draft: row.draft,
    draftSavedAt: isoOrNull(row.draft_saved_at),
    shareKey: row.share_key,
    archivedAt: isoOrNull(row.archived_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function toVersion(row: VersionRow): LessonVersionRecord {
  return {
    id: row.id,
    lessonId: row.lesson_id,
    number: row.number,
    file: row.file,
    publishedAt: toIso(row.published_at),
  };
}

// Stored to the millisecond, so the time an editor read back (an ISO string) compares equal.
const NOW_MS = "date_trunc('milliseconds', now())";

/** Makes or renames a built-in lesson; built-in lessons are always shared by their id. */
export async function upsertBuiltInLesson(db: Queryable, id: string, title: string): Promise<void> {
  await db.query(
    `INSERT INTO lessons (id, owner_id, title, share_key) VALUES ($1, NULL, $2, $1)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title`,
    [id, title],
  );
}

export async function insertLesson(
  db: Queryable,
  input: { ownerId: string; title: string; draft: unknown },
): Promise<LessonRecord> {
  const { rows } = await db.query<LessonRow>(
    `INSERT INTO lessons AS l (id, owner_id, title, draft, draft_saved_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, CASE WHEN $4::jsonb IS NULL THEN NULL ELSE ${NOW_MS} END, ${NOW_MS}, ${NOW_MS})
     RETURNING ${LESSON_COLUMNS}`,
    [
      randomUUID(),
      input.ownerId,
      input.title,
      input.draft === null ? null : JSON.stringify(input.draft),
    ],
  );
  return toLesson(rows[0]!);
}

export async function findLesson(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LessonRecord | null> {
  const { rows } = await db.query<LessonRow>(
    `SELECT ${LESSON_COLUMNS} FROM lessons l WHERE l.id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toLesson(rows[0]) : null;
}

export async function findLessonByShareKey(
  db: Queryable,
  shareKey: string,
): Promise<LessonRecord | null> {
  const { rows } = await db.query<LessonRow>(
    `SELECT ${LESSON_COLUMNS} FROM lessons l WHERE l.share_key = $1`,
    [shareKey],
  );
  return rows[0] ? toLesson(rows[0]) : null;
}

/** The built-in lessons and this teacher's own, newest change first, built-in ones first. */
export async function listLibrary(db: Queryable, teacherId: string): Promise<LibraryRow[]> {
  const { rows } = await db.query<
    LessonRow & {
      latest_version_id: string | null;
      latest_version: number | null;
      session_count: string | number;
    }
  >(
    `SELECT ${LESSON_COLUMNS},
       v.id AS latest_version_id, v.number AS latest_version,
       (SELECT count(*) FROM class_sessions s JOIN lesson_versions sv ON sv.id = s.lesson_version_id
         WHERE sv.lesson_id = l.id AND s.teacher_id = $1) AS session_count
     FROM lessons l
     LEFT JOIN LATERAL (
       SELECT id, number FROM lesson_versions WHERE lesson_id = l.id ORDER BY number DESC LIMIT 1
     ) v ON true
     WHERE l.owner_id = $1 OR l.owner_id IS NULL
     ORDER BY (l.owner_id IS NULL) DESC, l.updated_at DESC, l.id`,
    [teacherId],
  );
  return rows.map((row) => ({
    ...toLesson(row),
    latestVersionId: row.latest_version_id,
    latestVersion: row.latest_version === null ? null : row.latest_version,
    sessionCount: Number(row.session_count),
  }));
}

/** How many of the teacher's sessions ran a version of the lesson (all sessions when null). */
export async function countLessonSessions(
  db: Queryable,
  lessonId: string,
  teacherId: string | null,
): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM class_sessions s JOIN lesson_versions v ON v.id = s.lesson_version_id
     WHERE v.lesson_id = $1 AND ($2::uuid IS NULL OR s.teacher_id = $2)`,
    [lessonId, teacherId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The ids of every session that ran a version of the lesson. */
export async function lessonSessionIds(db: Queryable, lessonId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM class_sessions s JOIN lesson_versions v ON v.id = s.lesson_version_id
     WHERE v.lesson_id = $1`,
    [lessonId],
  );
  return rows.map((r) => r.id);
}

/**
 * Saves a draft unless a newer one was saved since `basedOn` (an ISO time the editor read);
 * null when refused for that reason.
 */
export async function saveLessonDraft(
  db: Queryable,
  input: { id: string; draft: unknown; title: string | null; basedOn: string | null },
): Promise<string | null> {
  const { rows } = await db.query<{ draft_saved_at: Date | string }>(
    `UPDATE lessons SET draft = $2, draft_saved_at = ${NOW_MS}, updated_at = ${NOW_MS},
       title = coalesce($3, title)
     WHERE id = $1 AND ($4::timestamptz IS NULL OR draft_saved_at IS NULL OR draft_saved_at <= $4)
     RETURNING draft_saved_at`,
    [input.id, JSON.stringify(input.draft), input.title, input.basedOn],
  );
  return rows[0] ? toIso(rows[0].draft_saved_at) : null;
}

export async function setLessonArchived(db: Queryable, id: string, archived: boolean) {
  await db.query(
    `UPDATE lessons SET archived_at = CASE WHEN $2 THEN coalesce(archived_at, ${NOW_MS}) ELSE NULL END,
       updated_at = ${NOW_MS} WHERE id = $1`,
    [id, archived],
  );
}

export async function setLessonShareKey(db: Queryable, id: string, shareKey: string | null) {
  await db.query(`UPDATE lessons SET share_key = $2, updated_at = ${NOW_MS} WHERE id = $1`, [
    id,
    shareKey,
  ]);
}

export async function deleteLesson(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM lessons WHERE id = $1', [id]);
}

export async function findLatestVersion(
  db: Queryable,
  lessonId: string,
): Promise<LessonVersionRecord | null> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM lesson_versions WHERE lesson_id = $1 ORDER BY number DESC LIMIT 1`,
    [lessonId],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

export async function findVersionByNumber(
  db: Queryable,
  lessonId: string,
  number: number,
): Promise<LessonVersionRecord | null> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM lesson_versions WHERE lesson_id = $1 AND number = $2`,
    [lessonId, number],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

export async function findVersion(db: Queryable, id: string): Promise<LessonVersionRecord | null> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM lesson_versions WHERE id = $1`,
    [id],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

/**
 * Adds the next version of a lesson and, in the same statement, clears its draft when asked
 * (publishing turns the draft into the version). Call inside a transaction holding the lesson's
 * row (findLesson forUpdate), so two publishes cannot take the same number.
 */
export async function insertVersion(
  db: Queryable,
  input: { lessonId: string; file: string; title: string; clearDraft: boolean },
): Promise<LessonVersionRecord> {
  const { rows } = await db.query<VersionRow>(
    `INSERT INTO lesson_versions (id, lesson_id, number, file, published_at)
     VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM lesson_versions WHERE lesson_id = $2), $3, ${NOW_MS})
     RETURNING ${VERSION_COLUMNS}`,
    [randomUUID(), input.lessonId, input.file],
  );
  await db.query(
    `UPDATE lessons SET title = $2, updated_at = ${NOW_MS},
       draft = CASE WHEN $3 THEN NULL ELSE draft END,
       draft_saved_at = CASE WHEN $3 THEN NULL ELSE draft_saved_at END
     WHERE id = $1`,
    [input.lessonId, input.title, input.clearDraft],
  );
  return toVersion(rows[0]!);
}

/** Sessions from before the library ran a built-in lesson by its id: pin them to a version. */
export async function pinUnversionedSessions(
  db: Queryable,
  lessonId: string,
  versionId: string,
): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE class_sessions SET lesson_version_id = $2
     WHERE lesson_version_id IS NULL AND lesson_id = $1 RETURNING id`,
    [lessonId, versionId],
  );
  return rows.length;
}
