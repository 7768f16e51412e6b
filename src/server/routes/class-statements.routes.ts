import type { FastifyPluginCallback } from 'fastify';
import { groupOf, toClassMap } from '#domain/discussion/class-map';
import { computeOpinionMap } from '#domain/discussion/opinion-map';
import type { OpinionMap } from '#domain/discussion/opinion-map-schema';
import type { Lesson, StatementsItem } from '#domain/lesson/lesson-schema';
import { endpoints } from '#domain/api/endpoints';
import type {
  StudentStatementsView,
  TeacherStatementsView,
} from '#domain/api/statements-contracts';
import type { Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { findItem } from '../lessons/lesson-items';
import { OpinionMapScheduler } from '../live/opinion-map-scheduler';
import { visibleItemStates } from '../live/session-views';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import { listItemStates } from '../repositories/class-sessions.repository';
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

/** A student's own statements per item: enough to say their piece, too few to flood the vote. */
export const OWN_STATEMENTS_MAX = 5;
/** Statements one item keeps in a session. */
export const ITEM_STATEMENTS_MAX = 500;
/** Opinion maps kept in memory, read once per drawing rather than once per student. */
const READ_MAPS_KEPT = 64;

function statementsItemOf(lesson: Lesson, itemId: string): StatementsItem {
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

/** Students write and vote while the teacher has the item open, as they answer questions. */
async function requireOpenItem(
  db: Queryable,
  lesson: Lesson,
  session: ClassSessionRecord,
  itemId: string,
) {
  if (session.status === 'ended') {
    throw new ApiError(409, 'session_ended', 'The session has ended; statements are closed.');
  }
  const state = visibleItemStates(lesson, session, await listItemStates(db, session.id)).find(
    (s) => s.itemId === itemId,
  );
  if (state?.status !== 'open') {
    throw new ApiError(409, 'item_not_open', 'These class statements are not open right now.');
  }
}

/** Under /api/sessions: class statements, their votes and the opinion map. */
export const classStatementRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub, lessons, limiters } = app;
  const maps = new OpinionMapScheduler(db, hub, app.log);
  app.addHook('onClose', () => {
    maps.close();
  });
  const seeded = new Set<string>();

  async function seedOnce(session: ClassSessionRecord, item: StatementsItem) {
    const key = `${session.id}:${item.id}`;
    if (!seeded.has(key)) {
      await ensureSeedStatements(db, session.id, item.id, item.seedStatements);
      seeded.add(key);
    }
  }

  async function statementsOf(session: ClassSessionRecord, item: StatementsItem) {
    await seedOnce(session, item);
    return listStatements(db, session.id, item.id);
  }

  /**
   * The maps last read, by session and item, with when they were drawn: a class's thousand
   * students fetching the new map read its time, and the map itself once.
   */
  const readMaps = new Map<string, { computedAt: string; map: OpinionMap }>();

  /** The stored map; before the first vote is counted, one drawn now and not stored. */
  async function currentMap(sessionId: string, itemId: string): Promise<OpinionMap> {
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

  async function studentView(
    session: ClassSessionRecord,
    item: StatementsItem,
    participantId: string,
    offered?: string,
  ): Promise<StudentStatementsView> {
    const [statements, myVotes, map] = await Promise.all([
      statementsOf(session, item),
      listOwnVotes(db, session.id, item.id, participantId),
      currentMap(session.id, item.id),
    ]);
    const toVoteOn = statements.filter((s) => s.status === 'shown' && s.authorId !== participantId);
    const unvoted = toVoteOn.filter((s) => !myVotes.has(s.id));
    // The statement on the student's screen stays until they vote on it: classmates' votes
    // would otherwise swap it under the reader, and their vote land on one they never read.
    // Otherwise least voted first, so every statement gets votes; among equals the newest.
    const next =
      unvoted.find((s) => s.id === offered) ??
      unvoted.sort(
        (a, b) =>
          a.votes - b.votes || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
      )[0];
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

  async function teacherView(
    session: ClassSessionRecord,
    item: StatementsItem,
  ): Promise<TeacherStatementsView> {
    const [statements, votes, map, participants] = await Promise.all([
      statementsOf(session, item),
      listVotes(db, session.id, item.id),
      currentMap(session.id, item.id),
      listParticipants(db, session.id),
    ]);
    const labels = new Map(participants.map((p) => [p.id, p.label]));
    const textOf = new Map(statements.map((s) => [s.id, s.text]));
    // One pass over the votes: a large class has a hundred thousand of them.
    const tallies = new Map<string, { agree: number; disagree: number; pass: number }>();
    for (const vote of votes) {
      const tally = tallies.get(vote.statementId) ?? { agree: 0, disagree: 0, pass: 0 };
      if (vote.vote === 1) tally.agree += 1;
      else if (vote.vote === -1) tally.disagree += 1;
      else tally.pass += 1;
      tallies.set(vote.statementId, tally);
    }
    return {
      itemId: item.id,
      statements: statements.map((s) => ({
        id: s.id,
        text: s.text,
        author: s.authorId === null ? null : (labels.get(s.authorId) ?? 'a removed student'),
        status: s.status,
        ...(tallies.get(s.id) ?? { agree: 0, disagree: 0, pass: 0 }),
        createdAt: s.createdAt,
      })),
      map: toClassMap(map, (id) => textOf.get(id), { withPoints: true }),
      members:
        map.status === 'ready'
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

  addRoute(app, endpoints.studentStatements, async ({ params, query, caller }) => {
    const { lesson } = await lessons.ofSession(caller.session);
    const item = statementsItemOf(lesson, params.itemId);
    return studentView(caller.session, item, caller.participant.id, query.offered);
  });

  addRoute(app, endpoints.addStatement, async ({ params, query, body, caller }) => {
    const { session, participant } = caller;
    limiters.statements.take(participant.id);
    const { lesson } = await lessons.ofSession(session);
    const item = statementsItemOf(lesson, params.itemId);
    await requireOpenItem(db, lesson, session, item.id);
    // The seeds count toward the item's cap: they are in before the first student's.
    await seedOnce(session, item);
    const added = await addStatement(db, {
      sessionId: session.id,
      itemId: item.id,
      authorId: participant.id,
      text: body.text,
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
    await hub.publish(
      session.id,
      added.status === 'shown' ? { to: 'everyone' } : { to: 'teacher' },
      { type: 'statements.changed', itemId: item.id },
    );
    return studentView(session, item, participant.id, query.offered);
  });

  addRoute(app, endpoints.voteOnStatement, async ({ params, body, caller }) => {
    const { session, participant } = caller;
    limiters.answer.take(participant.id);
    const { lesson } = await lessons.ofSession(session);
    const item = statementsItemOf(lesson, params.itemId);
    await requireOpenItem(db, lesson, session, item.id);
    const isSaved = await saveVote(db, {
      sessionId: session.id,
      itemId: item.id,
      statementId: params.statementId,
      participantId: participant.id,
      vote: VOTE_VALUES[body.vote],
    });
    if (!isSaved) {
      throw new ApiError(
        404,
        'not_found',
        'There is no such statement to vote on: it may have been hidden, or it is your own.',
        'statementId',
      );
    }
    maps.schedule(session.id, item.id);
    return studentView(session, item, participant.id);
  });

  addRoute(app, endpoints.teacherStatements, async ({ params, caller }) => {
    const item = statementsItemOf(caller.lesson, params.itemId);
    return teacherView(caller.session, item);
  });

  addRoute(app, endpoints.moderateStatement, async ({ params, body, caller }) => {
    const { session, lesson } = caller;
    const item = statementsItemOf(lesson, params.itemId);
    if (session.status === 'ended') {
      throw new ApiError(409, 'session_ended', 'This session has ended; it can no longer change.');
    }
    await statementsOf(session, item);
    if (!(await setStatementStatus(db, session.id, item.id, params.statementId, body.status))) {
      throw new ApiError(404, 'not_found', 'This discussion has no such statement.', 'statementId');
    }
    await hub.publish(
      session.id,
      { to: 'everyone' },
      { type: 'statements.changed', itemId: item.id },
    );
    maps.schedule(session.id, item.id);
    return teacherView(session, item);
  });
  done();
};
