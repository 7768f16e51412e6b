import type { Queryable } from '../db/database';

/** Whom a hand-off lets in: the teacher, or the participant, the launch let in. */
export type HandoffArrival =
  | { readonly kind: 'teacher'; readonly teacherId: string; readonly landingPath: string }
  | { readonly kind: 'student'; readonly participantId: string; readonly sessionId: string };

export interface HandoffRecord {
  readonly loginState: string;
  readonly arrival: HandoffArrival;
  readonly expiresAt: Date;
  readonly isUsed: boolean;
}

interface HandoffRow {
  login_state: string;
  teacher_id: string | null;
  landing_path: string | null;
  participant_id: string | null;
  session_id: string | null;
  expires_at: Date | string;
  used_at: Date | string | null;
}

export async function insertHandoff(
  db: Queryable,
  handoff: { codeHash: string; loginState: string; arrival: HandoffArrival; expiresAt: Date },
): Promise<void> {
  const { arrival } = handoff;
  await db.query(
    `INSERT INTO lti_handoffs
       (code_hash, login_state, teacher_id, landing_path, participant_id, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      handoff.codeHash,
      handoff.loginState,
      arrival.kind === 'teacher' ? arrival.teacherId : null,
      arrival.kind === 'teacher' ? arrival.landingPath : null,
      arrival.kind === 'student' ? arrival.participantId : null,
      handoff.expiresAt,
    ],
  );
}

export async function findHandoff(db: Queryable, codeHash: string): Promise<HandoffRecord | null> {
  const { rows } = await db.query<HandoffRow>(
    `SELECT h.login_state, h.teacher_id, h.landing_path, h.participant_id, p.session_id, h.expires_at, h.used_at
     FROM lti_handoffs h LEFT JOIN participants p ON p.id = h.participant_id
     WHERE h.code_hash = $1`,
    [codeHash],
  );
  const row = rows[0];
  if (!row) return null;
  const arrival: HandoffArrival | null = row.teacher_id
    ? { kind: 'teacher', teacherId: row.teacher_id, landingPath: row.landing_path ?? '/teach' }
    : row.participant_id && row.session_id
      ? { kind: 'student', participantId: row.participant_id, sessionId: row.session_id }
      : null;
  // The teacher or participant is gone (the row cascades away with them): nothing to hand off.
  if (!arrival) return null;
  return {
    loginState: row.login_state,
    arrival,
    expiresAt: new Date(row.expires_at),
    isUsed: row.used_at !== null,
  };
}

/** Spends the hand-off, once: false when it was spent already (two windows racing) or expired. */
export async function useHandoff(db: Queryable, codeHash: string): Promise<boolean> {
  const { rows } = await db.query<{ code_hash: string }>(
    `UPDATE lti_handoffs SET used_at = now()
     WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING code_hash`,
    [codeHash],
  );
  return rows.length === 1;
}

/** Gives the participant a new device token: the window the hand-off opened becomes theirs. */
export async function moveParticipantToHandoffWindow(
  db: Queryable,
  participantId: string,
  tokenHash: string,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'UPDATE participants SET token_hash = $2 WHERE id = $1 AND removed_at IS NULL RETURNING id',
    [participantId, tokenHash],
  );
  return rows.length === 1;
}
