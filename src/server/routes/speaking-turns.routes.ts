import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { teacherActor } from '../services/audit-trail';
import { addRoute } from './contract-route';
import { sendAttachment } from './send-attachment';

/** Under /api/sessions: the teacher's tally of who speaks in a spoken discussion. */
export const speakingTurnRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { audit, speakingTurns } = app.services;

  addRoute(app, endpoints.speakingTurns, ({ caller }) => speakingTurns.list(caller.session.id));

  addRoute(app, endpoints.addSpeakingTurn, async ({ body, caller: { session } }) => {
    await speakingTurns.add(session, body);
    return speakingTurns.list(session.id);
  });

  addRoute(app, endpoints.removeSpeakingTurn, async ({ params, caller: { session } }) => {
    await speakingTurns.remove(session, params.turnId);
    return speakingTurns.list(session.id);
  });

  addRoute(app, endpoints.speakingCsv, async ({ caller: { session, teacher } }, request, reply) => {
    const body = await speakingTurns.csv(session);
    await audit.record({
      actor: teacherActor(teacher),
      action: 'exported_session',
      sessionId: session.id,
      request,
      detail: 'speaking.csv',
    });
    return sendAttachment(reply, {
      contentType: 'text/csv; charset=utf-8',
      fileName: `session-${session.joinCode}-speaking.csv`,
      body,
    });
  });
  done();
};
