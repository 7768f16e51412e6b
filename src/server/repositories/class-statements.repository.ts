import { randomUUID } from 'node:crypto';
import type { Vote, VoteValue } from '#domain/discussion/vote-matrix';
import type { OpinionMap } from '#domain/discussion/opinion-map-schema';
import type { SeedStatement } from '#domain/lesson/lesson-schema';
import type { StatementStatus, StatementVote } from '#domain/api/statements-contracts';
import type { Database, Queryable } from '../db/database';
import { inScopeLock } from '../db/scope-lock';
import { toIso } from './class-sessions.repository';

export interface StatementRecord {
  readonly id: string;
  readonly authorId: string | null;
  readonly text: string;
  readonly status: StatementStatus;
  /** How many students voted on it. */
  readonly votes: number;
  readonly createdAt: string;
}

interface StatementRow {
  id: string;
  author_id: string | null;
  text: string;
  status: StatementStatus;
  votes: number;
  created_at: Date | string;
}

const toStatement = (row: StatementRow): StatementRecord => ({
  id: row.id,
  authorId: row.author_id,
  text: row.text,
  status: row.status,
  votes: row.votes,
  createdAt: toIso(row.created_at),
});

export const VOTE_VALUES: Readonly<Record<StatementVote, VoteValue>> = {
  agree: 1,
  disagree: -1,
  pass: 0,
};

/** Puts the lesson's own statements in the session, once (later calls change nothing). */
export async function ensureSeedStatements(
  db: Queryable,
  sessionId: string,
  itemId: string,
  seeds: readonly SeedStatement[],
): Promise<void> {
  if (seeds.length === 0) return;
  // Seeds are older than any student's statement: the newest-first order puts students' first.
  await db.query(
    `INSERT INTO class_statements (id, session_id, item_id, author_id, seed_id, text, status, created_at)
     SELECT seed.id, $1, $2, NULL, seed.seed_id, seed.text, 'shown', now() - interval '1 day'
     FROM jsonb_to_recordset($3::jsonb) AS seed (id uuid, seed_id text, text text)
     ON CONFLICT (session_id, item_id, seed_id) DO NOTHING`,
    [
      sessionId,
      itemId,
      JSON.stringify(seeds.map((s) => ({ id: randomUUID(), seed_id: s.id, text: s.text }))),
    ],
  );
}

/** The item's statements in the session, oldest first. */
export async function listStatements(
  db: Queryable,
  sessionId: string,
  itemId: string,
): Promise<StatementRecord[]> {
  const { rows } = await db.query<StatementRow>(
    `SELECT id, author_id, text, status, votes, created_at FROM class_statements
     WHERE session_id = $1 AND item_id = $2 ORDER BY created_at, id`,
    [sessionId, itemId],
  );
  return rows.map(toStatement);
}

/** Every statement a student wrote in the session, for their data export. */
export async function listStudentStatements(
  db: Queryable,
  participantId: string,
): Promise<(StatementRecord & { readonly itemId: string })[]> {
  const { rows } = await db.query<StatementRow & { item_id: string }>(
    `SELECT id, item_id, author_id, text, status, votes, created_at FROM class_statements
     WHERE author_id = $1 ORDER BY created_at, id`,
    [participantId],
  );
  return rows.map((row) => ({ ...toStatement(row), itemId: row.item_id }));
}

/**
 * Stores a student's statement unless they already wrote `ownMax` for the item or the item holds
 * `itemMax` (the lesson's seeds included). Counted and inserted under the item's lock, so
 * statements sent at once never pass a cap.
 */
export function addStatement(
  db: Database,
  input: {
    readonly sessionId: string;
    readonly itemId: string;
    readonly authorId: string;
    readonly text: string;
    readonly status: StatementStatus;
    readonly ownMax: number;
    readonly itemMax: number;
  },
): Promise<StatementRecord | 'own-full' | 'item-full'> {
  return inScopeLock(db, `statements:${input.sessionId}:${input.itemId}`, async (tx) => {
    const { rows: counts } = await tx.query<{ own: number | string; in_item: number | string }>(
      `SELECT count(*) FILTER (WHERE author_id = $3) AS own, count(*) AS in_item
       FROM class_statements WHERE session_id = $1 AND item_id = $2`,
      [input.sessionId, input.itemId, input.authorId],
    );
    if (Number(counts[0]?.own ?? 0) >= input.ownMax) return 'own-full';
    if (Number(counts[0]?.in_item ?? 0) >= input.itemMax) return 'item-full';
    const { rows } = await tx.query<StatementRow>(
      `INSERT INTO class_statements (id, session_id, item_id, author_id, text, status)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, author_id, text, status, votes, created_at`,
      [randomUUID(), input.sessionId, input.itemId, input.authorId, input.text, input.status],
    );
    return toStatement(rows[0]!);
  });
}

/** Shows or hides one of the item's statements; false when the item has no such statement. */
export async function setStatementStatus(
  db: Queryable,
  sessionId: string,
  itemId: string,
  statementId: string,
  status: StatementStatus,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE class_statements SET status = $4
     WHERE session_id = $1 AND item_id = $2 AND id = $3 RETURNING id`,
    [sessionId, itemId, statementId, status],
  );
  return rows.length > 0;
}

/**
 * Records (or changes) a student's vote on a statement shown to the class that they did not
 * write; false when there is no such statement for them to vote on.
 */
export async function saveVote(
  db: Queryable,
  input: {
    readonly sessionId: string;
    readonly itemId: string;
    readonly statementId: string;
    readonly participantId: string;
    readonly vote: VoteValue;
  },
): Promise<boolean> {
  const { rows } = await db.query<{ statement_id: string }>(
    `INSERT INTO statement_votes (statement_id, participant_id, session_id, item_id, vote)
     SELECT s.id, $4, s.session_id, s.item_id, $5 FROM class_statements s
     WHERE s.session_id = $1 AND s.item_id = $2 AND s.id = $3 AND s.status = 'shown'
       AND s.author_id IS DISTINCT FROM $4
     ON CONFLICT (statement_id, participant_id)
       DO UPDATE SET vote = EXCLUDED.vote, voted_at = now()
     RETURNING statement_id`,
    [input.sessionId, input.itemId, input.statementId, input.participantId, input.vote],
  );
  return rows.length > 0;
}

/**
 * Brings each statement's vote count up to date. Done with each drawing of the map rather than
 * with each vote: a class voting on the least voted statement all at once would otherwise wait
 * in turn for the lock on that one row.
 */
export async function refreshVoteCounts(
  db: Queryable,
  sessionId: string,
  itemId: string,
): Promise<void> {
  await db.query(
    `UPDATE class_statements s SET votes = counted.n
     FROM (SELECT statement_id, count(*)::int AS n FROM statement_votes
           WHERE session_id = $1 AND item_id = $2 GROUP BY statement_id) AS counted
     WHERE s.id = counted.statement_id AND s.votes <> counted.n`,
    [sessionId, itemId],
  );
}

/** The votes on the item's statements, by students still in the session. */
export async function listVotes(db: Queryable, sessionId: string, itemId: string): Promise<Vote[]> {
  const { rows } = await db.query<{ statement_id: string; participant_id: string; vote: number }>(
    `SELECT v.statement_id, v.participant_id, v.vote FROM statement_votes v
     JOIN participants p ON p.id = v.participant_id AND p.removed_at IS NULL
     WHERE v.session_id = $1 AND v.item_id = $2`,
    [sessionId, itemId],
  );
  return rows.map((row) => ({
    statementId: row.statement_id,
    participantId: row.participant_id,
    vote: row.vote === 1 ? 1 : row.vote === -1 ? -1 : 0,
  }));
}

/** The student's votes on the item's statements: statement id to vote. */
export async function listOwnVotes(
  db: Queryable,
  sessionId: string,
  itemId: string,
  participantId: string,
): Promise<Map<string, VoteValue>> {
  const { rows } = await db.query<{ statement_id: string; vote: number }>(
    `SELECT statement_id, vote FROM statement_votes
     WHERE session_id = $1 AND item_id = $2 AND participant_id = $3`,
    [sessionId, itemId, participantId],
  );
  return new Map(
    rows.map((row) => [row.statement_id, row.vote === 1 ? 1 : row.vote === -1 ? -1 : 0]),
  );
}

/** Every vote a student gave in the session, with the statement's text, for their export. */
export async function listStudentVotes(
  db: Queryable,
  participantId: string,
): Promise<{ itemId: string; text: string; vote: VoteValue; votedAt: string }[]> {
  const { rows } = await db.query<{
    item_id: string;
    text: string;
    vote: number;
    voted_at: Date | string;
  }>(
    `SELECT v.item_id, s.text, v.vote, v.voted_at FROM statement_votes v
     JOIN class_statements s ON s.id = v.statement_id
     WHERE v.participant_id = $1 ORDER BY v.voted_at`,
    [participantId],
  );
  return rows.map((row) => ({
    itemId: row.item_id,
    text: row.text,
    vote: row.vote === 1 ? 1 : row.vote === -1 ? -1 : 0,
    votedAt: toIso(row.voted_at),
  }));
}

/** When the item's map was last drawn; null before the first. */
export async function findOpinionMapTime(
  db: Queryable,
  sessionId: string,
  itemId: string,
): Promise<string | null> {
  const { rows } = await db.query<{ computed_at: Date | string }>(
    'SELECT computed_at FROM opinion_maps WHERE session_id = $1 AND item_id = $2',
    [sessionId, itemId],
  );
  return rows[0] ? toIso(rows[0].computed_at) : null;
}

export async function findOpinionMap(
  db: Queryable,
  sessionId: string,
  itemId: string,
): Promise<OpinionMap | null> {
  const { rows } = await db.query<{ map: OpinionMap | string }>(
    'SELECT map FROM opinion_maps WHERE session_id = $1 AND item_id = $2',
    [sessionId, itemId],
  );
  const map = rows[0]?.map;
  if (map === undefined) return null;
  return typeof map === 'string' ? (JSON.parse(map) as OpinionMap) : map;
}

export async function saveOpinionMap(
  db: Queryable,
  sessionId: string,
  itemId: string,
  map: OpinionMap,
): Promise<void> {
  await db.query(
    `INSERT INTO opinion_maps (session_id, item_id, map) VALUES ($1, $2, $3)
     ON CONFLICT (session_id, item_id) DO UPDATE SET map = EXCLUDED.map, computed_at = now()`,
    [sessionId, itemId, JSON.stringify(map)],
  );
}

/**
 * Takes a deleted student out of the session's stored maps, which name students by id; the
 * groups keep their labels for everyone else.
 */
export async function forgetStudentInMaps(
  db: Queryable,
  sessionId: string,
  participantId: string,
): Promise<void> {
  const { rows } = await db.query<{ item_id: string; map: OpinionMap | string }>(
    'SELECT item_id, map FROM opinion_maps WHERE session_id = $1',
    [sessionId],
  );
  for (const row of rows) {
    const map = typeof row.map === 'string' ? (JSON.parse(row.map) as OpinionMap) : row.map;
    if (map.status !== 'ready') continue;
    const forgotten: OpinionMap = {
      ...map,
      points: map.points.filter((point) => point.participantId !== participantId),
      groups: map.groups.map((group) => ({
        ...group,
        memberIds: group.memberIds.filter((id) => id !== participantId),
      })),
    };
    await saveOpinionMap(db, sessionId, row.item_id, forgotten);
  }
}
