import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { endpoints } from '#domain/api/endpoints';
import type { ItemState } from '#domain/api/live-contracts';
import { ApiError } from '../lib/api-error';
import { toLessonVersion, toStudentLessonVersion } from '../lessons/lesson-library';
import { addRoute, type OwnedSession } from '../lib/contract-route';
import { deletionDate } from '../lib/housekeeping';
import { joinUrlFor } from '../lib/join-url';
import { findItem, findSection } from '../lessons/lesson-items';
import {
  buildTeacherView,
  effectiveItemState,
  getItemResults,
  toSessionSummary,
} from '../live/session-views';
import {
  createClassSession,
  deleteClassSession,
  deleteSummary,
  endClassSession,
  findClassSession,
  listClassSessionsWithCounts,
  listItemStates,
  saveItemState,
  saveSummary,
  setCurrentSection,
} from '../repositories/class-sessions.repository';
import { removeParticipant } from '../repositories/participants.repository';

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

/** Actions that change a session are refused once it has ended. */
function requireOpen(owned: OwnedSession): OwnedSession {
  if (owned.session.status === 'ended') {
    throw new ApiError(409, 'session_ended', 'This session has ended; it can no longer change.');
  }
  return owned;
}

/** Under /api/sessions: a teacher starts, runs and ends live sessions. */
export const classSessionRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub, lessons, config } = app;

  /** The session as its teacher sees it now, after whatever the request changed. */
  async function teacherView(request: FastifyRequest, sessionId: string, lesson: Lesson) {
    const session = await findClassSession(db, sessionId);
    if (!session) throw new ApiError(404, 'session_not_found', 'There is no such session.');
    return buildTeacherView(db, lesson, session, joinUrlFor(config, request, session.joinCode));
  }

  addRoute(app, endpoints.createSession, async ({ body, caller }, request) => {
    const pinned = await lessons.forNewSession(caller.teacher.id, body.lessonId);
    const { lesson } = pinned;
    const session = await createClassSession(db, {
      teacherId: caller.teacher.id,
      lessonId: pinned.lessonId,
      lessonVersionId: pinned.versionId,
      mode: body.mode,
      firstSectionId: lesson.sections[0]!.id,
    });
    return teacherView(request, session.id, lesson);
  });

  addRoute(app, endpoints.listSessions, async ({ caller }) => {
    const sessions = await listClassSessionsWithCounts(db, caller.teacher.id);
    const listed = await Promise.all(
      sessions.map(async (s) => {
        // A session from before the library whose lesson this server lacks cannot be opened.
        const pinned = s.lessonVersionId ? await lessons.ofSession(s) : null;
        return pinned
          ? [
              {
                ...toSessionSummary(s, pinned.lesson),
                participantCount: s.participantCount,
                answerCount: s.answerCount,
                deletesAt: deletionDate(s.endedAt, config.retentionDays),
              },
            ]
          : [];
      }),
    );
    return { sessions: listed.flat() };
  });

  addRoute(app, endpoints.getSession, async ({ caller }, request) =>
    buildTeacherView(
      db,
      caller.lesson,
      caller.session,
      joinUrlFor(config, request, caller.session.joinCode),
    ),
  );

  addRoute(app, endpoints.sessionLesson, async ({ params: { id } }, request) => {
    // A student of the session first: a teacher may also have joined their own class to try it.
    const participant = await app.auth.findParticipant(request, id);
    if (participant) {
      const { session } = await app.auth.requireParticipant(request, id);
      // The keys of revealed items come with the student's view of the session.
      return toStudentLessonVersion(await lessons.ofSession(session));
    }
    const { session } = await app.auth.requireOwnedSession(request, id);
    return toLessonVersion(await lessons.ofSession(session));
  });

  addRoute(app, endpoints.deleteSession, async ({ caller: { session } }) => {
    await deleteClassSession(db, session.id);
    hub.endSessionStreams(session.id);
    return undefined;
  });

  addRoute(app, endpoints.sessionQrCode, async ({ caller: { session } }, request, reply) => {
    const svg = await QRCode.toString(joinUrlFor(config, request, session.joinCode), {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(svg);
  });

  addRoute(app, endpoints.changeSection, async ({ body: { sectionId }, caller }, request) => {
    const { session, lesson } = requireOpen(caller);
    if (!findSection(lesson, sectionId)) {
      throw new ApiError(
        404,
        'section_not_found',
        `This lesson has no section "${sectionId}".`,
        'sectionId',
      );
    }
    await setCurrentSection(db, session.id, sectionId);
    await hub.publish(session.id, { to: 'everyone' }, { type: 'section.changed', sectionId });
    return teacherView(request, session.id, lesson);
  });

  async function changeItem(
    request: FastifyRequest,
    owned: OwnedSession,
    itemId: string,
    action: ItemAction,
  ) {
    const { session, lesson } = requireOpen(owned);
    const id = session.id;
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
    return teacherView(request, id, lesson);
  }

  addRoute(app, endpoints.openItem, ({ params, caller }, request) =>
    changeItem(request, caller, params.itemId, 'open'),
  );
  addRoute(app, endpoints.closeItem, ({ params, caller }, request) =>
    changeItem(request, caller, params.itemId, 'close'),
  );
  addRoute(app, endpoints.revealItem, ({ params, caller }, request) =>
    changeItem(request, caller, params.itemId, 'reveal'),
  );

  addRoute(app, endpoints.publishSummary, async ({ params, body, caller }, request) => {
    const { session, lesson } = requireOpen(caller);
    const { sectionId } = params;
    if (!findSection(lesson, sectionId)) {
      throw new ApiError(404, 'section_not_found', `This lesson has no section "${sectionId}".`);
    }
    const summary = await saveSummary(db, session.id, sectionId, body.text);
    await hub.publish(session.id, { to: 'everyone' }, { type: 'summary.published', summary });
    return teacherView(request, session.id, lesson);
  });

  addRoute(app, endpoints.withdrawSummary, async ({ params: { sectionId }, caller }, request) => {
    const { session, lesson } = requireOpen(caller);
    await deleteSummary(db, session.id, sectionId);
    await hub.publish(session.id, { to: 'everyone' }, { type: 'summary.withdrawn', sectionId });
    return teacherView(request, session.id, lesson);
  });

  addRoute(app, endpoints.endSession, async ({ caller }, request) => {
    const { session, lesson } = requireOpen(caller);
    await endClassSession(db, session.id);
    await hub.publish(session.id, { to: 'everyone' }, { type: 'session.ended' });
    return teacherView(request, session.id, lesson);
  });

  addRoute(
    app,
    endpoints.removeParticipant,
    async ({ params: { participantId }, caller: { session, lesson } }, request) => {
      const isRemoved =
        /^[0-9a-f-]{36}$/i.test(participantId) &&
        (await removeParticipant(db, session.id, participantId));
      if (!isRemoved) {
        throw new ApiError(404, 'not_found', 'That student is not in this session.');
      }
      await hub.publish(
        session.id,
        { to: 'participant', participantId },
        { type: 'participant.removed', participantId },
      );
      return teacherView(request, session.id, lesson);
    },
  );
  done();
};
