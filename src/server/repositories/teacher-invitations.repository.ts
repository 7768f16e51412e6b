import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';

/** An administrator's invitation for one address (migration 021). */
export interface InvitationRecord {
  readonly id: string;
  readonly email: string;
  readonly invitedByName: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

interface InvitationRow {
  id: string;
  email: string;
  invited_by_name: string | null;
  created_at: Date | string;
  expires_at: Date | string;
}

const toInvitation = (row: InvitationRow): InvitationRecord => ({
  id: row.id,
  email: row.email,
  invitedByName: row.invited_by_name,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
});

const SELECT = `SELECT i.id, i.email, t.name AS invited_by_name, i.created_at, i.expires_at
  FROM teacher_invitations i LEFT JOIN teachers t ON t.id = i.invited_by`;

/** Not yet accepted: no account has the address. */
const NOT_ACCEPTED = 'NOT EXISTS (SELECT 1 FROM teachers a WHERE lower(a.email) = lower(i.email))';

/** Invites the address, replacing an earlier invitation of it (and its link). */
export async function upsertInvitation(
  db: Queryable,
  input: { email: string; invitedBy: string | null; tokenHash: string; expiresAt: Date },
): Promise<InvitationRecord> {
  const id = randomUUID();
  await db.query('DELETE FROM teacher_invitations WHERE lower(email) = lower($1)', [input.email]);
  await db.query(
    `INSERT INTO teacher_invitations (id, email, invited_by, expires_at, token_hash)
     VALUES ($1, $2, $3, $4, $5)`,
    [id, input.email, input.invitedBy, input.expiresAt.toISOString(), input.tokenHash],
  );
  const { rows } = await db.query<InvitationRow>(`${SELECT} WHERE i.id = $1`, [id]);
  return toInvitation(rows[0]!);
}

/** Invitations not accepted and not expired, newest first. */
export async function listPendingInvitations(db: Queryable): Promise<InvitationRecord[]> {
  const { rows } = await db.query<InvitationRow>(
    `${SELECT} WHERE i.expires_at > now() AND ${NOT_ACCEPTED} ORDER BY i.created_at DESC`,
  );
  return rows.map(toInvitation);
}

/** Whether an unexpired invitation names the address (accepted or not). */
export async function hasLiveInvitation(db: Queryable, email: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM teacher_invitations WHERE lower(email) = lower($1) AND expires_at > now()',
    [email],
  );
  return rows.length > 0;
}

/** The pending invitation whose link has this token hash; null when unknown, used or expired. */
export async function findPendingInvitationByToken(
  db: Queryable,
  tokenHash: string,
): Promise<InvitationRecord | null> {
  const { rows } = await db.query<InvitationRow>(
    `${SELECT} WHERE i.token_hash = $1 AND i.expires_at > now() AND ${NOT_ACCEPTED}`,
    [tokenHash],
  );
  return rows[0] ? toInvitation(rows[0]) : null;
}

/** Deletes an invitation; false when there was none with the id. */
export async function deleteInvitation(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'DELETE FROM teacher_invitations WHERE id = $1 RETURNING id',
    [id],
  );
  return rows.length > 0;
}
