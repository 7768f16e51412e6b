import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from './contract-route';

/**
 * Under /api/sessions: students reply to each other's responses on the class's wall, and the
 * teacher hides replies (services/wall-replies.ts).
 */
export const wallReplyRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { lessons, limiters } = app;
  const { wallReplies } = app.services;

  addRoute(app, endpoints.replyToResponse, async ({ params, body, caller }) => {
    const { participant, session } = caller;
    limiters.wallReply.take(participant.id);
    const { lesson } = await lessons.ofSession(session);
    return wallReplies.reply(lesson, session, participant, {
      responseId: params.responseId,
      kind: body.kind,
      text: body.text,
    });
  });

  addRoute(app, endpoints.moderateReply, ({ params, body, caller: { session } }) =>
    wallReplies.setHidden(session, params.replyId, body.isHidden),
  );
  done();
};
