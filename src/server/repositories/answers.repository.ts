import { randomUUID } from 'node:crypto';
import type { Answer } from '#domain/lesson/answers';
import type { Queryable } from '../db/database';

export interface SaveAnswerInput {
  readonly sessionId: string;
  readonly participantId: string;
  readonly itemId: string;
  readonly submissionId: string;
  readonly revision: number;
  readonly answer: Answer;
}

export interface HeldAnswer {
  readonly participantId: string;
  readonly itemId: string;
  readonly revision: number;
  readonly submissionId: string;
}

/**
 * Saves answers in one statement (a group commit's), each unless the server already holds a
 * newer revision of it; a retried submission (same id and revision) changes nothing. Each
 * (participant, item) may appear once. Returns the revision now held for each, in order.
 */
export async function saveAnswers(
  db: Queryable,
  inputs: readonly SaveAnswerInput[],
): Promise<HeldAnswer[]> {
  if (inputs.length === 0) return [];
  const column = <T>(pick: (input: SaveAnswerInput) => T) => inputs.map(pick);
  const { rows } = await db.query<{
    participant_id: string;
    item_id: string;
    revision: number;
    submission_id: string;
  }>(
    `INSERT INTO answers (session_id, participant_id, item_id, submission_id, revision, answer)
     SELECT s, p, i, sub, r, a::jsonb
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::integer[], $6::text[])
       AS batch (s, p, i, sub, r, a)
     ON CONFLICT (participant_id, item_id) DO UPDATE
       SET submission_id = EXCLUDED.submission_id, revision = EXCLUDED.revision,
           answer = EXCLUDED.answer, updated_at = now()
       WHERE answers.revision < EXCLUDED.revision
     RETURNING participant_id, item_id, revision, submission_id`,
    [
      column((a) => a.sessionId),
      column((a) => a.participantId),
      column((a) => a.itemId),
      column((a) => a.submissionId),
      column((a) => a.revision),
      column((a) => JSON.stringify(a.answer)),
    ],
  );
  const key = (participantId: string, itemId: string) => `${participantId} ${itemId}`;
  const held = new Map(rows.map((r) => [key(r.participant_id, r.item_id), r]));
  // Not written (a retry, or a newer revision already held): read what is held.
  const unchanged = inputs.filter((a) => !held.has(key(a.participantId, a.itemId)));
  if (unchanged.length > 0) {
    const read = await db.query<{
      participant_id: string;
      item_id: string;
      revision: number;
      submission_id: string;
    }>(
      `SELECT participant_id, item_id, revision, submission_id FROM answers
       WHERE (participant_id, item_id) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
      [unchanged.map((a) => a.participantId), unchanged.map((a) => a.itemId)],
    );
    for (const r of read.rows) held.set(key(r.participant_id, r.item_id), r);
  }
  return inputs.map((a) => {
    const row = held.get(key(a.participantId, a.itemId));
    if (!row)
      throw new Error(`answer of ${a.participantId} to ${a.itemId} was neither saved nor found`);
    return {
      participantId: a.participantId,
      itemId: a.itemId,
      revision: row.revision,
      submissionId: row.submission_id,
    };
  });
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

export interface SessionAnswerRecord {
  readonly participantId: string;
  readonly displayName: string;
  readonly nameNumber: number;
  readonly itemId: string;
  readonly answer: Answer;
  readonly revision: number;
  readonly isHidden: boolean;
  readonly isSpotlighted: boolean;
  readonly updatedAt: string;
}

interface SessionAnswerRow {
  participant_id: string;
  display_name: string;
  name_number: number;
  item_id: string;
  answer: Answer;
  revision: number;
  is_hidden: boolean;
  is_spotlighted: boolean;
  updated_at: Date | string;
}

/** Every answer of a session's (not removed) students, oldest first: one read for views and reports. */
export async function listSessionAnswers(
  db: Queryable,
  sessionId: string,
  options: { participantId?: string; includeRemoved?: boolean } = {},
): Promise<SessionAnswerRecord[]> {
  const { rows } = await db.query<SessionAnswerRow>(
    `SELECT a.participant_id, p.display_name, p.name_number, a.item_id, a.answer, a.revision,
            a.is_hidden, a.is_spotlighted, a.updated_at
     FROM answers a JOIN participants p ON p.id = a.participant_id
     WHERE a.session_id = $1
       AND ($2::uuid IS NULL OR a.participant_id = $2::uuid)
       AND ($3::boolean OR p.removed_at IS NULL)
     ORDER BY a.updated_at, a.participant_id, a.item_id`,
    [sessionId, options.participantId ?? null, options.includeRemoved ?? false],
  );
  return rows.map((r) => ({
    participantId: r.participant_id,
    displayName: r.display_name,
    nameNumber: r.name_number,
    itemId: r.item_id,
    answer: r.answer,
    revision: r.revision,
    isHidden: r.is_hidden,
    isSpotlighted: r.is_spotlighted,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Hides or spotlights one response; false when there is no such answer. */
export async function moderateAnswer(
  db: Queryable,
  sessionId: string,
  participantId: string,
  itemId: string,
  change: { isHidden?: boolean; isSpotlighted?: boolean },
): Promise<boolean> {
  const { rows } = await db.query<{ item_id: string }>(
    `UPDATE answers SET is_hidden = coalesce($4, is_hidden), is_spotlighted = coalesce($5, is_spotlighted)
     WHERE session_id = $1 AND participant_id = $2 AND item_id = $3 RETURNING item_id`,
    [sessionId, participantId, itemId, change.isHidden ?? null, change.isSpotlighted ?? null],
  );
  return rows.length > 0;
}

/**
 * A forecast updated on the forecasts page (issue 26): the student's answer follows their
 * newest version, so reports and the answers CSV keep working. The revision stays, so the
 * in-class outbox's next revision still wins while the session is open.
 */
export async function saveForecastAnswer(
  db: Queryable,
  input: {
    readonly sessionId: string;
    readonly participantId: string;
    readonly itemId: string;
    readonly probabilities: Readonly<Record<string, number>>;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO answers (session_id, participant_id, item_id, submission_id, revision, answer)
     VALUES ($1, $2, $3, $4, 1, $5::jsonb)
     ON CONFLICT (participant_id, item_id) DO UPDATE SET answer = EXCLUDED.answer, updated_at = now()`,
    [
      input.sessionId,
      input.participantId,
      input.itemId,
      randomUUID(),
      JSON.stringify({ kind: 'forecast', probabilities: input.probabilities }),
    ],
  );
}
