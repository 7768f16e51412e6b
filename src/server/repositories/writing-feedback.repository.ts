import type { Queryable } from '../db/database';

/** The teacher's feedback on one student's writing task. */
export interface WritingFeedbackRecord {
  readonly participantId: string;
  readonly itemId: string;
  /** Rubric criterion id to the points given. */
  readonly scores: Readonly<Record<string, number>>;
  readonly comment: string;
  /** When the student could first see it; null while only the teacher can. */
  readonly releasedAt: string | null;
}

interface FeedbackRow {
  participant_id: string;
  item_id: string;
  scores: Record<string, number> | string;
  comment: string;
  released_at: Date | string | null;
}

const toIso = (value: Date | string): string =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

function toRecord(row: FeedbackRow): WritingFeedbackRecord {
  return {
    participantId: row.participant_id,
    itemId: row.item_id,
    scores:
      typeof row.scores === 'string'
        ? (JSON.parse(row.scores) as Record<string, number>)
        : row.scores,
    comment: row.comment,
    releasedAt: row.released_at === null ? null : toIso(row.released_at),
  };
}

/**
 * Saves the feedback, replacing any earlier; `release` true releases it to the student (keeping
 * the first release time), false takes it back.
 */
export async function saveWritingFeedback(
  db: Queryable,
  input: {
    readonly sessionId: string;
    readonly participantId: string;
    readonly itemId: string;
    readonly scores: Readonly<Record<string, number>>;
    readonly comment: string;
    readonly release: boolean;
  },
): Promise<WritingFeedbackRecord> {
  const { rows } = await db.query<FeedbackRow>(
    `INSERT INTO writing_feedback (session_id, participant_id, item_id, scores, comment, released_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::boolean THEN now() END)
     ON CONFLICT (participant_id, item_id) DO UPDATE
       SET scores = EXCLUDED.scores, comment = EXCLUDED.comment, updated_at = now(),
           released_at = CASE WHEN $6::boolean
             THEN coalesce(writing_feedback.released_at, now()) END
     RETURNING participant_id, item_id, scores, comment, released_at`,
    [
      input.sessionId,
      input.participantId,
      input.itemId,
      JSON.stringify(input.scores),
      input.comment,
      input.release,
    ],
  );
  return toRecord(rows[0]!);
}

/** The session's feedback; with `participantId`, one student's, and `releasedOnly` for them. */
export async function listWritingFeedback(
  db: Queryable,
  sessionId: string,
  options: { readonly participantId?: string; readonly releasedOnly?: boolean } = {},
): Promise<WritingFeedbackRecord[]> {
  const { rows } = await db.query<FeedbackRow>(
    `SELECT participant_id, item_id, scores, comment, released_at FROM writing_feedback
     WHERE session_id = $1 AND ($2::uuid IS NULL OR participant_id = $2::uuid)
       AND (NOT $3::boolean OR released_at IS NOT NULL)
     ORDER BY item_id, participant_id`,
    [sessionId, options.participantId ?? null, options.releasedOnly ?? false],
  );
  return rows.map(toRecord);
}
