import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from './contract-route';
import { sendAttachment } from './send-attachment';

/** Under /api/sessions: what a session leaves behind: its report, transcripts and the export. */
export const reportRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { reports } = app.services;

  addRoute(app, endpoints.report, ({ caller: { session, lesson } }) =>
    reports.report(lesson, session),
  );

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

  addRoute(app, endpoints.transcript, ({ params: { participantId }, caller: { session } }) =>
    reports.transcript(session, participantId),
  );

  addRoute(app, endpoints.answersCsv, async ({ caller: { session, lesson } }, _request, reply) => {
    return sendAttachment(reply, {
      contentType: 'text/csv; charset=utf-8',
      fileName: `session-${session.joinCode}-answers.csv`,
      body: await reports.answersCsv(lesson, session),
    });
  });
  done();
};
