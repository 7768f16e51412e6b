import type { FastifyBaseLogger } from 'fastify';
import { groupOf, toClassMap } from '#domain/discussion/class-map';
import { computeOpinionMap } from '#domain/discussion/opinion-map';
import type { OpinionMap } from '#domain/discussion/opinion-map-schema';
import type { Lesson, StatementsItem } from '#domain/lesson/lesson-schema';
import type {
  StatementStatus,
  StatementVote,
  StudentStatementsView,
  TeacherStatementsView,
} from '#domain/api/statements-contracts';
import { findItem } from '#domain/lesson/lesson-items';
import { visibleItemStates } from '#domain/live/item-states';
import { NO_VOTES, nextStatementToVoteOn, tallyVotes } from '#domain/live/statement-votes';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import type { LiveHub } from '../live/live-hub';
import { listItemStates, type ClassSessionRecord } from '../repositories/class-sessions.repository';
import {
  addStatement,
  ensureSeedStatements,
  findOpinionMap,
  findOpinionMapTime,
  listOwnVotes,
  listStatements,
  listVotes,
  saveVote,
  setStatementStatus,
  VOTE_VALUES,
} from '../repositories/class-statements.repository';
import { listParticipants } from '../repositories/participants.repository';
import { OpinionMapScheduler } from './opinion-map-scheduler';

/** A student's own statements per item: enough to say their piece, too few to flood the vote. */
export const OWN_STATEMENTS_MAX = 5;
/** Statements one item keeps in a session. */
export const ITEM_STATEMENTS_MAX = 500;
/** Opinion maps kept in memory, read once per drawing rather than once per student. */
const READ_MAPS_KEPT = 64;

export function statementsItemOf(lesson: Lesson, itemId: string): StatementsItem {
  const item = findItem(lesson, itemId)?.item;
  if (item?.kind !== 'statements') {
    throw new ApiError(
      404,
      'item_not_found',
      `"${itemId}" is not a class-statements item of this lesson.`,
      'itemId',
    );
  }
  return item;
}

/**
 * Class statements, their votes and the opinion map: students write and vote, the teacher
 * moderates, and the map is drawn off the request path (opinion-map-scheduler.ts).
 */
export class ClassStatements {
  private readonly maps: OpinionMapScheduler;
  /** Sessions and items whose lesson statements are in: seeded once per server. */
  private readonly seeded = new Set<string>();
  /**
   * The maps last read, by session and item, with when they were drawn: a class's thousand
   * students fetching the new map read its time, and the map itself once.
   */
  private readonly readMaps = new Map<string, { computedAt: string; map: OpinionMap }>();

  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    log: FastifyBaseLogger,
  ) {
    this.maps = new OpinionMapScheduler(db, hub, log);
  }

  close(): void {
    this.maps.close();
  }

  /** Students write and vote while the teacher has the item open, as they answer questions. */
  private async requireOpenItem(lesson: Lesson, session: ClassSessionRecord, itemId: string) {
    if (session.status === 'ended') {
      throw new ApiError(409, 'session_ended', 'The session has ended; statements are closed.');
    }
    const stored = await listItemStates(this.db, session.id);
    const state = visibleItemStates(lesson, session, stored).find((s) => s.itemId === itemId);
    if (state?.status !== 'open') {
      throw new ApiError(409, 'item_not_open', 'These class statements are not open right now.');
    }
  }

  private async seedOnce(session: ClassSessionRecord, item: StatementsItem) {
    const key = `${session.id}:${item.id}`;
    if (!this.seeded.has(key)) {
      await ensureSeedStatements(this.db, session.id, item.id, item.seedStatements);
      this.seeded.add(key);
    }
  }

  private async statementsOf(session: ClassSessionRecord, item: StatementsItem) {
    await this.seedOnce(session, item);
    return listStatements(this.db, session.id, item.id);
  }

  /** The stored map; before the first vote is counted, one drawn now and not stored. */
  private async currentMap(sessionId: string, itemId: string): Promise<OpinionMap> {
    const { db, readMaps } = this;
    const key = `${sessionId}:${itemId}`;
    const computedAt = await findOpinionMapTime(db, sessionId, itemId);
    const cached = readMaps.get(key);
    if (computedAt !== null && cached?.computedAt === computedAt) return cached.map;
    const stored = computedAt === null ? null : await findOpinionMap(db, sessionId, itemId);
    if (stored && computedAt !== null) {
      readMaps.delete(key);
      readMaps.set(key, { computedAt, map: stored });
      // The least recently drawn go first: a server keeps the maps of its live classes only.
      for (const old of readMaps.keys()) {
        if (readMaps.size <= READ_MAPS_KEPT) break;
        readMaps.delete(old);
      }
      return stored;
    }
    const [participants, statements, votes] = await Promise.all([
      listParticipants(db, sessionId),
      listStatements(db, sessionId, itemId),
      listVotes(db, sessionId, itemId),
    ]);
    const shown = new Set(statements.filter((s) => s.status === 'shown').map((s) => s.id));
    return computeOpinionMap({
      participants: participants.map((p) => p.id),
      statements: [...shown],
      votes: votes.filter((vote) => shown.has(vote.statementId)),
    });
  }

  async studentView(
    session: ClassSessionRecord,
    item: StatementsItem,
    participantId: string,
    offered?: string,
  ): Promise<StudentStatementsView> {
    const [statements, myVotes, map] = await Promise.all([
      this.statementsOf(session, item),
      listOwnVotes(this.db, session.id, item.id, participantId),
      this.currentMap(session.id, item.id),
    ]);
    const toVoteOn = statements.filter((s) => s.status === 'shown' && s.authorId !== participantId);
    const next = nextStatementToVoteOn(
      toVoteOn.filter((s) => !myVotes.has(s.id)),
      offered,
    );
    const textOf = new Map(statements.map((s) => [s.id, s.text]));
    return {
      itemId: item.id,
      next: next ? { id: next.id, text: next.text, isTeachers: next.authorId === null } : null,
      votes: myVotes.size,
      toVoteOn: toVoteOn.length,
      mine: statements
        .filter((s) => s.authorId === participantId)
        .map(({ id, text, status }) => ({ id, text, status })),
      map: toClassMap(map, (id) => textOf.get(id), { withPoints: false }),
      myGroup: groupOf(map, participantId),
    };
  }

  async teacherView(
    session: ClassSessionRecord,
    item: StatementsItem,
  ): Promise<TeacherStatementsView> {
    const [statements, votes, map, participants] = await Promise.all([
      this.statementsOf(session, item),
      listVotes(this.db, session.id, item.id),
      this.currentMap(session.id, item.id),
      listParticipants(this.db, session.id),
    ]);
    const labels = new Map(participants.map((p) => [p.id, p.label]));
    const textOf = new Map(statements.map((s) => [s.id, s.text]));
    const tallies = tallyVotes(votes);
    return {
      itemId: item.id,
      statements: statements.map((s) => ({
        id: s.id,
        text: s.text,
        author:
          s.authorId === null
            ? null
            : session.namesHiddenFromTeacher
              ? 'a student'
              : (labels.get(s.authorId) ?? 'a removed student'),
        status: s.status,
        ...(tallies.get(s.id) ?? NO_VOTES),
        createdAt: s.createdAt,
      })),
      map: toClassMap(map, (id) => textOf.get(id), { withPoints: true }),
      // Names hidden from the teacher too: the groups are not named student by student.
      members:
        map.status === 'ready' && !session.namesHiddenFromTeacher
          ? map.groups.map((group) => ({
              label: group.label,
              students: group.memberIds.flatMap((id) => {
                const label = labels.get(id);
                return label === undefined ? [] : [label];
              }),
            }))
          : [],
    };
  }

  /** A student's statement, shown at once or waiting for the teacher as the item asks. */
  async add(
    lesson: Lesson,
    session: ClassSessionRecord,
    item: StatementsItem,
    participantId: string,
    text: string,
  ): Promise<void> {
    await this.requireOpenItem(lesson, session, item.id);
    // The seeds count toward the item's cap: they are in before the first student's.
    await this.seedOnce(session, item);
    const added = await addStatement(this.db, {
      sessionId: session.id,
      itemId: item.id,
      authorId: participantId,
      text,
      status: item.requireApproval ? 'pending' : 'shown',
      ownMax: OWN_STATEMENTS_MAX,
      itemMax: ITEM_STATEMENTS_MAX,
    });
    if (added === 'own-full' || added === 'item-full') {
      throw new ApiError(
        409,
        'invalid_input',
        added === 'own-full'
          ? `You have written ${OWN_STATEMENTS_MAX} statements here, the most one student can.`
          : `This discussion already holds ${ITEM_STATEMENTS_MAX} statements, the most it keeps.`,
        'text',
      );
    }
    // One waiting for approval is the teacher's news only.
    await this.hub.publish(
      session.id,
      added.status === 'shown' ? { to: 'everyone' } : { to: 'teacher' },
      { type: 'statements.changed', itemId: item.id },
    );
  }

  async vote(
    lesson: Lesson,
    session: ClassSessionRecord,
    item: StatementsItem,
    input: {
      readonly statementId: string;
      readonly participantId: string;
      readonly vote: StatementVote;
    },
  ): Promise<void> {
    await this.requireOpenItem(lesson, session, item.id);
    const isSaved = await saveVote(this.db, {
      sessionId: session.id,
      itemId: item.id,
      statementId: input.statementId,
      participantId: input.participantId,
      vote: VOTE_VALUES[input.vote],
    });
    if (!isSaved) {
      throw new ApiError(
        404,
        'not_found',
        'There is no such statement to vote on: it may have been hidden, or it is your own.',
        'statementId',
      );
    }
    this.maps.schedule(session.id, item.id);
  }

  async moderate(
    session: ClassSessionRecord,
    item: StatementsItem,
    statementId: string,
    status: StatementStatus,
  ): Promise<void> {
    if (session.status === 'ended') {
      throw new ApiError(409, 'session_ended', 'This session has ended; it can no longer change.');
    }
    await this.statementsOf(session, item);
    if (!(await setStatementStatus(this.db, session.id, item.id, statementId, status))) {
      throw new ApiError(404, 'not_found', 'This discussion has no such statement.', 'statementId');
    }
    await this.hub.publish(
      session.id,
      { to: 'everyone' },
      { type: 'statements.changed', itemId: item.id },
    );
    this.maps.schedule(session.id, item.id);
  }
}
