import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Lesson } from '../../domain/lesson/lesson-schema';
import {
  changeSectionRequestSchema,
  createSessionRequestSchema,
  publishSummaryRequestSchema,
  type ItemState,
} from '../../domain/live/live-contracts';
import { joinUrlFor, type AppDeps } from '../app-deps';
import { ApiError, parseInput } from '../lib/api-error';
import { findItem, findSection } from '../lessons/lesson-catalog';
import {
  buildTeacherView,
  effectiveItemState,
  getItemResults,
  toSessionSummary,
} from '../live/session-views';
import {
  createClassSession,
  deleteSummary,
  endClassSession,
  findClassSession,
  listClassSessionsWithCounts,
  listItemStates,
  saveItemState,
  saveSummary,
  setCurrentSection,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import { removeParticipant } from '../repositories/participants.repository';

const sessionParams = z.object({ id: z.string().max(64) });
const itemParams = sessionParams.extend({ itemId: z.string().max(64) });
const sectionParams = sessionParams.extend({ sectionId: z.string().max(64) });
const participantParams = sessionParams.extend({ participantId: z.string().max(64) });

type ItemAction = 'open' | 'close' | 'reveal';

function nextItemState(current: ItemState, action: ItemAction): ItemState {
  switch (action) {
    case 'open':
      return { ...current, status: 'open' };
    case 'close':
      return { ...current, status: 'closed' };
    case 'reveal':
      return { ...current, isRevealed: true };
  }
}

export function registerClassSessionRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, hub, auth, lessons } = deps;

  function lessonOf(session: ClassSessionRecord): Lesson {
    const lesson = lessons.find(session.lessonId);
    if (!lesson)
      throw new ApiError(
        404,
        'lesson_not_found',
        `Lesson ${session.lessonId} is no longer available.`,
      );
    return lesson;
  }

  async function teacherView(request: FastifyRequest, sessionId: string) {
    const session = await findClassSession(db, sessionId);
    if (!session) throw new ApiError(404, 'session_not_found', 'There is no such session.');
    return buildTeacherView(
      db,
      lessonOf(session),
      session,
      joinUrlFor(deps, request, session.joinCode),
    );
  }

  /** The owner's open session, for actions that change it. */
  async function openOwnedSession(request: FastifyRequest, sessionId: string) {
    const { session } = await auth.requireOwnedSession(request, sessionId);
    if (session.status === 'ended') {
      throw new ApiError(409, 'session_ended', 'This session has ended; it can no longer change.');
    }
    return { session, lesson: lessonOf(session) };
  }

  app.post('/api/sessions', async (request, reply) => {
    const teacher = await auth.requireTeacher(request);
    const input = parseInput(createSessionRequestSchema, request.body);
    const lesson = lessons.find(input.lessonId);
    if (!lesson)
      throw new ApiError(
        404,
        'lesson_not_found',
        `There is no lesson "${input.lessonId}".`,
        'lessonId',
      );
    const session = await createClassSession(db, {
      teacherId: teacher.id,
      lessonId: lesson.id,
      mode: input.mode,
      firstSectionId: lesson.sections[0]!.id,
    });
    return reply.status(201).send(await teacherView(request, session.id));
  });

  app.get('/api/sessions', async (request) => {
    const teacher = await auth.requireTeacher(request);
    const sessions = await listClassSessionsWithCounts(db, teacher.id);
    return {
      sessions: sessions.flatMap((s) => {
        const lesson = lessons.find(s.lessonId);
        return lesson
          ? [
              {
                ...toSessionSummary(s, lesson),
                participantCount: s.participantCount,
                answerCount: s.answerCount,
              },
            ]
          : [];
      }),
    };
  });

  app.get('/api/sessions/:id', async (request) => {
    const { id } = parseInput(sessionParams, request.params, 'path');
    await auth.requireOwnedSession(request, id);
    return teacherView(request, id);
  });

  app.get('/api/sessions/:id/qr.svg', async (request, reply) => {
    const { id } = parseInput(sessionParams, request.params, 'path');
    const { session } = await auth.requireOwnedSession(request, id);
    const svg = await QRCode.toString(joinUrlFor(deps, request, session.joinCode), {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(svg);
  });

  app.post('/api/sessions/:id/section', async (request) => {
    const { id } = parseInput(sessionParams, request.params, 'path');
    const { sectionId } = parseInput(changeSectionRequestSchema, request.body);
    const { lesson } = await openOwnedSession(request, id);
    if (!findSection(lesson, sectionId)) {
      throw new ApiError(
        404,
        'section_not_found',
        `This lesson has no section "${sectionId}".`,
        'sectionId',
      );
    }
    await setCurrentSection(db, id, sectionId);
    await hub.publish(id, { to: 'everyone' }, { type: 'section.changed', sectionId });
    return teacherView(request, id);
  });

  async function changeItem(request: FastifyRequest, action: ItemAction) {
    const { id, itemId } = parseInput(itemParams, request.params, 'path');
    const { session, lesson } = await openOwnedSession(request, id);
    if (!findItem(lesson, itemId)) {
      throw new ApiError(404, 'item_not_found', `This lesson has no item "${itemId}".`);
    }
    const state = await db.transaction(async (tx) => {
      const stored = (await listItemStates(tx, id)).find((s) => s.itemId === itemId);
      const next = nextItemState(effectiveItemState(session, itemId, stored), action);
      await saveItemState(tx, id, next);
      return next;
    });
    await hub.publish(id, { to: 'everyone' }, { type: 'item.changed', state });
    if (action === 'reveal') {
      const results = await getItemResults(db, lesson, id, itemId);
      if (results) await hub.publish(id, { to: 'everyone' }, { type: 'results.revealed', results });
    }
    return teacherView(request, id);
  }

  app.post('/api/sessions/:id/items/:itemId/open', (request) => changeItem(request, 'open'));
  app.post('/api/sessions/:id/items/:itemId/close', (request) => changeItem(request, 'close'));
  app.post('/api/sessions/:id/items/:itemId/reveal', (request) => changeItem(request, 'reveal'));

  app.post('/api/sessions/:id/summaries/:sectionId', async (request) => {
    const { id, sectionId } = parseInput(sectionParams, request.params, 'path');
    const { text } = parseInput(publishSummaryRequestSchema, request.body);
    const { lesson } = await openOwnedSession(request, id);
    if (!findSection(lesson, sectionId)) {
      throw new ApiError(404, 'section_not_found', `This lesson has no section "${sectionId}".`);
    }
    const summary = await saveSummary(db, id, sectionId, text);
    await hub.publish(id, { to: 'everyone' }, { type: 'summary.published', summary });
    return teacherView(request, id);
  });

  app.delete('/api/sessions/:id/summaries/:sectionId', async (request) => {
    const { id, sectionId } = parseInput(sectionParams, request.params, 'path');
    await openOwnedSession(request, id);
    await deleteSummary(db, id, sectionId);
    await hub.publish(id, { to: 'everyone' }, { type: 'summary.withdrawn', sectionId });
    return teacherView(request, id);
  });

  app.post('/api/sessions/:id/end', async (request) => {
    const { id } = parseInput(sessionParams, request.params, 'path');
    await openOwnedSession(request, id);
    await endClassSession(db, id);
    await hub.publish(id, { to: 'everyone' }, { type: 'session.ended' });
    return teacherView(request, id);
  });

  app.delete(
    '/api/sessions/:id/participants/:participantId',
    async (request, reply: FastifyReply) => {
      const { id, participantId } = parseInput(participantParams, request.params, 'path');
      await auth.requireOwnedSession(request, id);
      const isRemoved =
        /^[0-9a-f-]{36}$/i.test(participantId) && (await removeParticipant(db, id, participantId));
      if (!isRemoved) {
        throw new ApiError(404, 'not_found', 'That student is not in this session.');
      }
      await hub.publish(
        id,
        { to: 'participant', participantId },
        { type: 'participant.removed', participantId },
      );
      return reply.send(await teacherView(request, id));
    },
  );
}
