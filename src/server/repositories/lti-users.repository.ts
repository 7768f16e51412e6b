import { randomUUID } from 'node:crypto';
import type { Teacher } from '#domain/api/live-contracts';
import type { Queryable } from '../db/database';

/** An LMS user (a `sub` on a platform), and the teacher account tied to them if they teach. */
export interface LtiUserRecord {
  readonly id: string;
  readonly teacherId: string | null;
}

/**
 * The LMS user, made on their first launch. Locked until the transaction ends, so two first
 * launches of one instructor at once make one account.
 */
export async function findOrCreateLtiUserForUpdate(
  db: Queryable,
  platformId: string,
  sub: string,
): Promise<LtiUserRecord> {
  await db.query(
    `INSERT INTO lti_users (id, platform_id, sub) VALUES ($1, $2, $3)
     ON CONFLICT (platform_id, sub) DO NOTHING`,
    [randomUUID(), platformId, sub],
  );
  const { rows } = await db.query<{ id: string; teacher_id: string | null }>(
    'SELECT id, teacher_id FROM lti_users WHERE platform_id = $1 AND sub = $2 FOR UPDATE',
    [platformId, sub],
  );
  const row = rows[0];
  if (!row) throw new Error('the LTI user just made is gone');
  return { id: row.id, teacherId: row.teacher_id };
}

export async function findTeacherById(db: Queryable, teacherId: string): Promise<Teacher | null> {
  const { rows } = await db.query<Teacher>('SELECT id, email, name FROM teachers WHERE id = $1', [
    teacherId,
  ]);
  return rows[0] ?? null;
}

/**
 * Makes the teacher account of an LMS instructor, without a password (it signs in from the LMS),
 * and ties the LMS user to it. The account takes the LMS's e-mail when no account has it yet;
 * otherwise (or when the LMS sent none) an address that can never receive mail
 * (`.invalid`, RFC 2606) stands in, as an account is not joined to another by an e-mail the
 * LMS asserts.
 */
export async function createTeacherForLtiUser(
  db: Queryable,
  ltiUserId: string,
  input: { name: string; email: string | null },
): Promise<Teacher> {
  const standIn = `lti-${ltiUserId}@lti.invalid`;
  const insert = (email: string) =>
    db.query<Teacher>(
      `INSERT INTO teachers (id, email, name, password_hash) VALUES ($1, $2, $3, NULL)
       ON CONFLICT (lower(email)) DO NOTHING RETURNING id, email, name`,
      [randomUUID(), email, input.name],
    );
  const made =
    (input.email ? (await insert(input.email)).rows[0] : undefined) ??
    (await insert(standIn)).rows[0];
  if (!made) throw new Error(`the stand-in address ${standIn} is taken`);
  await db.query('UPDATE lti_users SET teacher_id = $2 WHERE id = $1', [ltiUserId, made.id]);
  return made;
}
