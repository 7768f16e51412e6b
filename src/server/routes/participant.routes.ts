import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkAnswerForItem } from '../../domain/lesson/check-answer';
import {
  changeSectionRequestSchema,
  joinCodeSchema,
  joinRequestSchema,
  submitAnswerRequestSchema,
  type AnswerAck,
  type JoinLookupResponse,
  type JoinResponse,
} from '../../domain/live/live-contracts';
import { nameSkeleton } from '../../domain/live/display-names';
import type { AppDeps } from '../app-deps';
import { ApiError, parseInput } from '../lib/api-error';
import { newRejoinCode } from '../lib/join-code';
import { refuseTakenName } from '../lib/namesakes';
import { hashToken, newToken } from '../lib/secrets';
import { findItem, findSection } from '../lessons/lesson-catalog';
import { ResponseIds } from '../live/response-ids';
import { buildStudentView, effectiveItemState } from '../live/session-views';
import { saveAnswer } from '../repositories/answers.repository';
import {
  findClassSession,
  findClassSessionByCode,
  findItemStateForUpdate,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import {
  addParticipant,
  setParticipantSection,
  toParticipant,
} from '../repositories/participants.repository';

const sessionParams = z.object({ id: z.string().max(64) });
const answerParams = sessionParams.extend({ itemId: z.string().max(64) });

export function requireJoinable(
  session: ClassSessionRecord | null,
  code: string,
): ClassSessionRecord {
  if (!session) {
    throw new ApiError(
      404,
      'session_not_found',
      `No session has the code ${code}. Check the code with your teacher.`,
      'code',
    );
  }
  if (session.status === 'ended') {
    throw new ApiError(
      410,
      'session_ended',
      `The session with the code ${code} has ended.`,
      'code',
    );
  }
  return session;
}

export function registerParticipantRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, hub, auth, lessons, limiters } = deps;
  const responseIds = new ResponseIds(deps.config.cookieSecret);

  app.get('/api/join/:code', async (request): Promise<JoinLookupResponse> => {
    const { code } = parseInput(z.object({ code: joinCodeSchema }), request.params, 'path');
    const session = requireJoinable(await findClassSessionByCode(db, code), code);
    const lesson = lessons.find(session.lessonId);
    return {
      sessionId: session.id,
      lessonTitle: lesson?.metadata.title ?? session.lessonId,
      status: session.status,
    };
  });

  app.post('/api/join', async (request, reply) => {
    const input = parseInput(joinRequestSchema, request.body);
    const token = newToken();
    const participant = await db.transaction(async (tx) => {
      const found = await findClassSessionByCode(tx, input.code);
      const session = requireJoinable(found, input.code);
      // Locking the session row numbers namesakes one at a time.
      await findClassSession(tx, session.id, { forUpdate: true });
      if (!input.asNewNamesake) await refuseTakenName(tx, session.id, input.displayName);
      const added = await addParticipant(tx, {
        sessionId: session.id,
        displayName: input.displayName,
        nameKey: nameSkeleton(input.displayName),
        tokenHash: hashToken(token),
        sectionId: session.currentSectionId,
        newRejoinCode,
      });
      return added;
    });
    auth.setParticipantCookie(request, reply, participant.sessionId, token);
    await hub.publish(
      participant.sessionId,
      { to: 'teacher' },
      { type: 'participant.joined', participant: toParticipant(participant) },
    );
    const body: JoinResponse = {
      sessionId: participant.sessionId,
      participant: {
        id: participant.id,
        displayName: participant.displayName,
        label: participant.label,
        rejoinCode: participant.rejoinCode,
      },
    };
    return reply.status(201).send(body);
  });

  app.get('/api/sessions/:id/me', async (request) => {
    const { id } = parseInput(sessionParams, request.params, 'path');
    const { participant, session } = await auth.requireParticipant(request, id);
    const lesson = lessons.find(session.lessonId);
    if (!lesson)
      throw new ApiError(404, 'lesson_not_found', 'This session’s lesson is no longer available.');
    return buildStudentView(db, lesson, session, participant, responseIds.forSession(session.id));
  });

  app.put('/api/sessions/:id/answers/:itemId', async (request): Promise<AnswerAck> => {
    const { id, itemId } = parseInput(answerParams, request.params, 'path');
    const { participant, session } = await auth.requireParticipant(request, id);
    limiters.answer.take(participant.id);
    const input = parseInput(submitAnswerRequestSchema, request.body);
    const lesson = lessons.find(session.lessonId);
    const found = lesson ? findItem(lesson, itemId) : undefined;
    if (!found) throw new ApiError(404, 'item_not_found', `This lesson has no item "${itemId}".`);
    const problem = checkAnswerForItem(found.item, input.answer);
    if (problem) {
      const field = `answer.${problem.field}`;
      throw new ApiError(400, 'invalid_input', `${field}: ${problem.message}.`, field);
    }
    if (session.status === 'ended') {
      throw new ApiError(409, 'session_ended', 'The session has ended; answers are closed.');
    }
    const held = await db.transaction(async (tx) => {
      // The item's row stays locked until commit, so a close cannot slip in between.
      const stored = await findItemStateForUpdate(tx, id, itemId);
      const state = effectiveItemState(session, itemId, stored ?? undefined);
      const isCurrentSection =
        session.mode === 'self-paced' || found.section.id === session.currentSectionId;
      if (state.status !== 'open' || !isCurrentSection) {
        throw new ApiError(
          409,
          'item_not_open',
          state.status === 'closed'
            ? 'This question is closed: your teacher is no longer taking answers to it.'
            : 'This question is not open for answers yet.',
        );
      }
      const saved = await saveAnswer(tx, {
        sessionId: id,
        participantId: participant.id,
        itemId,
        submissionId: input.submissionId,
        revision: input.revision,
        answer: input.answer,
      });
      return { ...saved, isOnWall: found.item.kind === 'prompt' && state.isRevealed };
    });
    hub.answerRecorded(id);
    // A response to a prompt whose wall the class already sees: classmates' walls refresh.
    if (held.isOnWall) hub.wallChanged(id, itemId);
    return { itemId, submissionId: held.submissionId, revision: held.revision };
  });

  app.post('/api/sessions/:id/progress', async (request, reply) => {
    const { id } = parseInput(sessionParams, request.params, 'path');
    const { participant, session } = await auth.requireParticipant(request, id);
    limiters.progress.take(participant.id);
    const { sectionId } = parseInput(changeSectionRequestSchema, request.body);
    if (session.mode !== 'self-paced' || session.status === 'ended') {
      throw new ApiError(
        409,
        session.status === 'ended' ? 'session_ended' : 'invalid_input',
        session.status === 'ended'
          ? 'The session has ended.'
          : 'In a teacher-paced session the teacher chooses the section.',
      );
    }
    const lesson = lessons.find(session.lessonId);
    if (!lesson || !findSection(lesson, sectionId)) {
      throw new ApiError(
        404,
        'section_not_found',
        `This lesson has no section "${sectionId}".`,
        'sectionId',
      );
    }
    // Only a move is stored and told: a repeated report of the same section adds no event.
    if (participant.currentSectionId !== sectionId) {
      await setParticipantSection(db, participant.id, sectionId);
      await hub.publish(
        id,
        { to: 'teacher' },
        { type: 'participant.progressed', participantId: participant.id, sectionId },
      );
    }
    return reply.status(204).send();
  });
}
