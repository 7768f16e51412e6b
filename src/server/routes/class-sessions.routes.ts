import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { endpoints } from '#domain/api/endpoints';
import { joinUrlFor } from '../lib/join-url';
import { toLessonVersion, toStudentLessonVersion } from '../lessons/pinned-lesson';
import { teacherActor } from '../services/audit-trail';
import type { ItemAction } from '../services/class-sessions';
import { addRoute, type OwnedSession } from './contract-route';

/** Under /api/sessions: a teacher starts, runs and ends live sessions. */
export const classSessionRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { lessons, config } = app;
  const { classSessions, views } = app.services;

  /** The session as its teacher sees it now, after whatever the request changed. */
  const teacherViewAfter = (request: FastifyRequest, { session, lesson }: OwnedSession) =>
    classSessions.teacherView(session.id, lesson, (code) => joinUrlFor(config, request, code));

  addRoute(app, endpoints.createSession, async ({ body, caller }, request) => {
    const pinned = await lessons.forNewSession(caller.teacher.id, body.lessonId);
    const { lesson } = pinned;
    const session = await classSessions.create({
      teacherId: caller.teacher.id,
      lessonId: pinned.lessonId,
      lessonVersionId: pinned.versionId,
      mode: body.mode,
      firstSectionId: lesson.sections[0]!.id,
    });
    return teacherViewAfter(request, { teacher: caller.teacher, session, lesson });
  });

  addRoute(app, endpoints.listSessions, async ({ caller }) => ({
    sessions: await classSessions.list(caller.teacher.id),
  }));

  addRoute(app, endpoints.getSession, ({ caller: { session, lesson } }, request) =>
    views.teacherView(lesson, session, joinUrlFor(config, request, session.joinCode)),
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

  addRoute(app, endpoints.deleteSession, async ({ caller: { session, teacher } }, request) => {
    await classSessions.delete(session, { actor: teacherActor(teacher), request });
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
    await classSessions.changeSection(caller.session, caller.lesson, sectionId);
    return teacherViewAfter(request, caller);
  });

  const changeItem =
    (action: ItemAction) =>
    async (
      { params, caller }: { params: { itemId: string }; caller: OwnedSession },
      request: FastifyRequest,
    ) => {
      await classSessions.changeItem(caller.session, caller.lesson, params.itemId, action);
      return teacherViewAfter(request, caller);
    };
  addRoute(app, endpoints.openItem, changeItem('open'));
  addRoute(app, endpoints.closeItem, changeItem('close'));
  addRoute(app, endpoints.revealItem, changeItem('reveal'));

  addRoute(app, endpoints.publishSummary, async ({ params, body, caller }, request) => {
    await classSessions.publishSummary(caller.session, caller.lesson, params.sectionId, body.text);
    return teacherViewAfter(request, caller);
  });

  addRoute(app, endpoints.withdrawSummary, async ({ params: { sectionId }, caller }, request) => {
    await classSessions.withdrawSummary(caller.session, sectionId);
    return teacherViewAfter(request, caller);
  });

  addRoute(app, endpoints.endSession, async ({ caller }, request) => {
    await classSessions.end(caller.session);
    return teacherViewAfter(request, caller);
  });

  addRoute(
    app,
    endpoints.removeParticipant,
    async ({ params: { participantId }, caller }, request) => {
      await classSessions.removeParticipant(caller.session, participantId);
      return teacherViewAfter(request, caller);
    },
  );
  done();
};
