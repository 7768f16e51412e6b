import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { teacherActor } from '../services/audit-trail';
import { addRoute } from './contract-route';
import { sendAttachment } from './send-attachment';

/** Under /api/sessions: what a session leaves behind: its report, transcripts and the export. */
export const reportRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { audit, reports } = app.services;

  // The whole class's report shows every student's answers: one row per view.
  addRoute(app, endpoints.report, async ({ caller: { session, lesson, teacher } }, request) => {
    const report = await reports.report(lesson, session);
    const actor = teacherActor(teacher);
    await audit.record({ actor, action: 'viewed_session_answers', sessionId: session.id, request });
    return report;
  });

  addRoute(
    app,
    endpoints.scoreWriting,
    ({ params: { itemId, participantId }, body, caller: { session, lesson } }) =>
      reports.scoreWriting(lesson, session, {
        itemId,
        participantId,
        scores: body.scores,
        comment: body.comment,
        release: body.release,
      }),
  );

  addRoute(
    app,
    endpoints.transcript,
    async ({ params: { participantId }, caller: { session, lesson, teacher } }, request) => {
      const transcript = await reports.transcript(lesson, session, participantId);
      await audit.record({
        actor: teacherActor(teacher),
        action: 'viewed_student_answers',
        sessionId: session.id,
        studentId: participantId,
        request,
      });
      return transcript;
    },
  );

  addRoute(
    app,
    endpoints.answersCsv,
    async ({ caller: { session, lesson, teacher } }, request, reply) => {
      const body = await reports.answersCsv(lesson, session);
      await audit.record({
        actor: teacherActor(teacher),
        action: 'exported_session',
        sessionId: session.id,
        request,
        detail: 'answers.csv',
      });
      return sendAttachment(reply, {
        contentType: 'text/csv; charset=utf-8',
        fileName: `session-${session.joinCode}-answers.csv`,
        body,
      });
    },
  );
  done();
};
