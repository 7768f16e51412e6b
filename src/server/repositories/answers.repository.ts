import type { Answer } from '../../domain/lesson/answers';
import type { Queryable } from '../db/database';

export interface SaveAnswerInput {
  readonly sessionId: string;
  readonly participantId: string;
  readonly itemId: string;
  readonly submissionId: string;
  readonly revision: number;
  readonly answer: Answer;
}

/**
 * Saves an answer unless the server already holds a newer revision of it, and returns the
 * revision now held. A retried submission (same id and revision) changes nothing.
 */
export async function saveAnswer(
  db: Queryable,
  input: SaveAnswerInput,
): Promise<{ revision: number; submissionId: string }> {
  const { rows } = await db.query<{ revision: number; submission_id: string }>(
    `INSERT INTO answers (session_id, participant_id, item_id, submission_id, revision, answer)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (participant_id, item_id) DO UPDATE
       SET submission_id = EXCLUDED.submission_id, revision = EXCLUDED.revision,
           answer = EXCLUDED.answer, updated_at = now()
       WHERE answers.revision < EXCLUDED.revision
     RETURNING revision, submission_id`,
    [
      input.sessionId,
      input.participantId,
      input.itemId,
      input.submissionId,
      input.revision,
      JSON.stringify(input.answer),
    ],
  );
  if (rows[0]) return { revision: rows[0].revision, submissionId: rows[0].submission_id };
  const held = await db.query<{ revision: number; submission_id: string }>(
    'SELECT revision, submission_id FROM answers WHERE participant_id = $1 AND item_id = $2',
    [input.participantId, input.itemId],
  );
  const row = held.rows[0]!;
  return { revision: row.revision, submissionId: row.submission_id };
}

/** Item id to the number of (not removed) participants who answered it. */
export async function countAnswersByItem(
  db: Queryable,
  sessionId: string,
): Promise<Record<string, number>> {
  const { rows } = await db.query<{ item_id: string; answered: number | string }>(
    `SELECT a.item_id, count(*) AS answered FROM answers a
     JOIN participants p ON p.id = a.participant_id AND p.removed_at IS NULL
     WHERE a.session_id = $1 GROUP BY a.item_id`,
    [sessionId],
  );
  return Object.fromEntries(rows.map((r) => [r.item_id, Number(r.answered)]));
}

export async function listItemAnswers(
  db: Queryable,
  sessionId: string,
  itemId: string,
): Promise<Answer[]> {
  const { rows } = await db.query<{ answer: Answer }>(
    `SELECT a.answer FROM answers a
     JOIN participants p ON p.id = a.participant_id AND p.removed_at IS NULL
     WHERE a.session_id = $1 AND a.item_id = $2`,
    [sessionId, itemId],
  );
  return rows.map((r) => r.answer);
}

export async function listParticipantAnswers(
  db: Queryable,
  participantId: string,
): Promise<{ itemId: string; answer: Answer; revision: number }[]> {
  const { rows } = await db.query<{ item_id: string; answer: Answer; revision: number }>(
    'SELECT item_id, answer, revision FROM answers WHERE participant_id = $1',
    [participantId],
  );
  return rows.map((r) => ({ itemId: r.item_id, answer: r.answer, revision: r.revision }));
}
