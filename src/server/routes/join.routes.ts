import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from './contract-route';

/** Under /api: students look a join code up, join, and rejoin on another device. */
export const joinRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { auth, lessons } = app;
  const { joining } = app.services;

  addRoute(app, endpoints.lookUpJoinCode, async ({ params: { code } }, request) => {
    const session = await joining.findJoinable(request.ip, code);
    const { lesson } = await lessons.ofSession(session);
    return {
      sessionId: session.id,
      lessonTitle: lesson.metadata.title,
      status: session.status,
    };
  });

  addRoute(app, endpoints.join, async ({ body }, request, reply) => {
    const { session, participant, token } = await joining.join(request.ip, body);
    auth.setParticipantCookie(request, reply, session.id, token);
    return { sessionId: session.id, participant };
  });

  addRoute(app, endpoints.rejoin, async ({ body }, request, reply) => {
    const { session, participant, token } = await joining.rejoin(request.ip, body);
    auth.setParticipantCookie(request, reply, session.id, token);
    return { sessionId: session.id, participant };
  });
  done();
};
