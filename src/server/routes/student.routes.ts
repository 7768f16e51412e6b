import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from './contract-route';

/** Under /api/sessions: a joined student's view, answers and (self-paced) progress. */
export const studentRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { lessons, limiters } = app;
  const { views, studentAnswers } = app.services;

  addRoute(app, endpoints.studentView, async ({ caller: { participant, session } }) => {
    const { lesson } = await lessons.ofSession(session);
    return views.studentView(lesson, session, participant);
  });

  addRoute(app, endpoints.submitAnswer, async ({ params: { itemId }, body, caller }) => {
    const { participant, session } = caller;
    limiters.answer.take(participant.id);
    const { lesson } = await lessons.ofSession(session);
    const held = await studentAnswers.submit(lesson, session, participant, itemId, body);
    return { itemId, submissionId: held.submissionId, revision: held.revision };
  });

  addRoute(app, endpoints.reportProgress, async ({ body: { sectionId }, caller }) => {
    const { participant, session } = caller;
    limiters.progress.take(participant.id);
    const { lesson } = await lessons.ofSession(session);
    await studentAnswers.reportProgress(lesson, session, participant, sectionId);
    return undefined;
  });
  done();
};
