import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { toIso } from './class-sessions.repository';

/** A named group of one teacher's sessions, with its sessions newest first. */
export interface ClassRecord {
  readonly id: string;
  readonly teacherId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly sessionIds: readonly string[];
}

interface ClassRow {
  id: string;
  teacher_id: string;
  name: string;
  created_at: Date | string;
  session_ids: string[] | null;
}

const CLASS_COLUMNS = `c.id, c.teacher_id, c.name, c.created_at,
  (SELECT array_agg(s.id::text ORDER BY s.created_at DESC) FROM class_sessions s
   WHERE s.class_id = c.id) AS session_ids`;

const toRecord = (row: ClassRow): ClassRecord => ({
  id: row.id,
  teacherId: row.teacher_id,
  name: row.name,
  createdAt: toIso(row.created_at),
  sessionIds: row.session_ids ?? [],
});

export async function listClasses(db: Queryable, teacherId: string): Promise<ClassRecord[]> {
  const { rows } = await db.query<ClassRow>(
    `SELECT ${CLASS_COLUMNS} FROM classes c WHERE c.teacher_id = $1 ORDER BY c.created_at DESC, c.id`,
    [teacherId],
  );
  return rows.map(toRecord);
}

/** The teacher's class; null for an unknown id or another teacher's class. */
export async function findClass(
  db: Queryable,
  teacherId: string,
  classId: string,
): Promise<ClassRecord | null> {
  const { rows } = await db.query<ClassRow>(
    `SELECT ${CLASS_COLUMNS} FROM classes c WHERE c.id = $1 AND c.teacher_id = $2`,
    [classId, teacherId],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function insertClass(
  db: Queryable,
  teacherId: string,
  name: string,
): Promise<ClassRecord> {
  const id = randomUUID();
  await db.query('INSERT INTO classes (id, teacher_id, name) VALUES ($1, $2, $3)', [
    id,
    teacherId,
    name,
  ]);
  const found = await findClass(db, teacherId, id);
  if (!found) throw new Error(`class ${id} was not stored`);
  return found;
}

/** True when the teacher had such a class to rename. */
export async function renameClass(
  db: Queryable,
  teacherId: string,
  classId: string,
  name: string,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'UPDATE classes SET name = $3 WHERE id = $1 AND teacher_id = $2 RETURNING id',
    [classId, teacherId, name],
  );
  return rows.length > 0;
}

/** Its sessions stay (class_id is set null). True when there was such a class. */
export async function deleteClass(
  db: Queryable,
  teacherId: string,
  classId: string,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'DELETE FROM classes WHERE id = $1 AND teacher_id = $2 RETURNING id',
    [classId, teacherId],
  );
  return rows.length > 0;
}

export async function setSessionClass(
  db: Queryable,
  sessionId: string,
  classId: string | null,
): Promise<void> {
  await db.query('UPDATE class_sessions SET class_id = $2 WHERE id = $1', [sessionId, classId]);
}
