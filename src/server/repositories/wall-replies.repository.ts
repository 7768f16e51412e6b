import { randomUUID } from 'node:crypto';
import type { WallReplyKind } from '#domain/live/wall-replies';
import type { WallReply } from '#domain/live/wall-views';
import type { Database, Queryable } from '../db/database';
import { inScopeLock } from '../db/scope-lock';
import { toIso } from './class-sessions.repository';

/** A reply as stored, with its author's name: what the domain's wall views read. */
export type WallReplyRecord = WallReply;

interface ReplyRow {
  id: string;
  item_id: string;
  response_participant_id: string;
  author_participant_id: string;
  display_name: string;
  name_number: number;
  kind: WallReplyKind;
  text: string;
  is_hidden: boolean;
  created_at: Date | string;
}

const toRecord = (row: ReplyRow): WallReplyRecord => ({
  id: row.id,
  itemId: row.item_id,
  responseParticipantId: row.response_participant_id,
  authorId: row.author_participant_id,
  authorDisplayName: row.display_name,
  authorNameNumber: row.name_number,
  kind: row.kind,
  text: row.text,
  isHidden: row.is_hidden,
  createdAt: toIso(row.created_at),
});

const REPLY_COLUMNS = `r.id, r.item_id, r.response_participant_id, r.author_participant_id,
  p.display_name, p.name_number, r.kind, r.text, r.is_hidden, r.created_at`;

/**
 * The session's replies, hidden ones included, oldest first; those of students the teacher
 * removed are left out, as their answers are left out of the wall.
 */
export async function listSessionReplies(
  db: Queryable,
  sessionId: string,
): Promise<WallReplyRecord[]> {
  const { rows } = await db.query<ReplyRow>(
    `SELECT ${REPLY_COLUMNS} FROM wall_replies r
     JOIN participants p ON p.id = r.author_participant_id AND p.removed_at IS NULL
     WHERE r.session_id = $1 ORDER BY r.created_at, r.id`,
    [sessionId],
  );
  return rows.map(toRecord);
}

/**
 * Stores a reply unless its response already holds `perResponseMax` replies or the session
 * `perSessionMax`. The count and the insert run under the session's reply lock, so replies sent
 * at once never pass a cap.
 */
export function addWallReply(
  db: Database,
  input: {
    readonly sessionId: string;
    readonly itemId: string;
    readonly responseParticipantId: string;
    readonly authorId: string;
    readonly kind: WallReplyKind;
    readonly text: string;
    readonly perResponseMax: number;
    readonly perSessionMax: number;
  },
): Promise<WallReplyRecord | 'response-full' | 'session-full'> {
  return inScopeLock(db, `wall-replies:${input.sessionId}`, (tx) => insertWallReply(tx, input));
}

async function insertWallReply(
  db: Queryable,
  input: Parameters<typeof addWallReply>[1],
): Promise<WallReplyRecord | 'response-full' | 'session-full'> {
  const { rows } = await db.query<
    Partial<ReplyRow> & { on_response: number | string; in_session: number | string }
  >(
    `WITH counts AS (
       SELECT count(*) FILTER (WHERE response_participant_id = $4 AND item_id = $3) AS on_response,
              count(*) AS in_session
       FROM wall_replies WHERE session_id = $2
     ), inserted AS (
       INSERT INTO wall_replies
         (id, session_id, item_id, response_participant_id, author_participant_id, kind, text)
       SELECT $1, $2, $3, $4, $5, $6, $7 FROM counts
       WHERE counts.on_response < $8 AND counts.in_session < $9
       RETURNING *
     )
     SELECT r.id, r.item_id, r.response_participant_id, r.author_participant_id,
            p.display_name, p.name_number, r.kind, r.text, r.is_hidden, r.created_at,
            counts.on_response, counts.in_session
     FROM counts LEFT JOIN inserted r ON true
     LEFT JOIN participants p ON p.id = r.author_participant_id`,
    [
      randomUUID(),
      input.sessionId,
      input.itemId,
      input.responseParticipantId,
      input.authorId,
      input.kind,
      input.text,
      input.perResponseMax,
      input.perSessionMax,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('storing a reply answered no row');
  if (Number(row.in_session) >= input.perSessionMax) return 'session-full';
  if (Number(row.on_response) >= input.perResponseMax) return 'response-full';
  return toRecord(row as ReplyRow);
}

/** Hides or shows one of the session's replies; null when the session has no such reply. */
export async function setWallReplyHidden(
  db: Queryable,
  sessionId: string,
  replyId: string,
  isHidden: boolean,
): Promise<WallReplyRecord | null> {
  const { rows } = await db.query<ReplyRow>(
    `WITH updated AS (
       UPDATE wall_replies SET is_hidden = $3 WHERE session_id = $1 AND id = $2 RETURNING *
     )
     SELECT ${REPLY_COLUMNS} FROM updated r JOIN participants p ON p.id = r.author_participant_id`,
    [sessionId, replyId, isHidden],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** The replies one student wrote, oldest first: their data, for the export. */
export async function listStudentReplies(
  db: Queryable,
  participantId: string,
): Promise<WallReplyRecord[]> {
  const { rows } = await db.query<ReplyRow>(
    `SELECT ${REPLY_COLUMNS} FROM wall_replies r
     JOIN participants p ON p.id = r.author_participant_id
     WHERE r.author_participant_id = $1 ORDER BY r.created_at, r.id`,
    [participantId],
  );
  return rows.map(toRecord);
}
