import type { Queryable } from '../db/database';
import { findParticipantByToken, type ParticipantRecord } from './participants.repository';

/**
 * The session's participant who came in as this LMS user, moved to the device whose cookie
 * carries `tokenHash` (the one before is signed out of the session); null on their first launch.
 */
export async function moveLtiParticipantToDevice(
  db: Queryable,
  input: { sessionId: string; ltiUserId: string; tokenHash: string },
): Promise<ParticipantRecord | null> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE participants SET token_hash = $3
     WHERE session_id = $1 AND lti_user_id = $2 RETURNING id`,
    [input.sessionId, input.ltiUserId, input.tokenHash],
  );
  if (rows.length === 0) return null;
  return findParticipantByToken(db, input.sessionId, input.tokenHash);
}

/** Ties a participant just added to the LMS user who launched, so a later launch finds them. */
export async function tieParticipantToLtiUser(
  db: Queryable,
  participantId: string,
  ltiUserId: string,
): Promise<void> {
  await db.query('UPDATE participants SET lti_user_id = $2 WHERE id = $1', [
    participantId,
    ltiUserId,
  ]);
}
