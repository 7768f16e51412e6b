import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import {
  WALL_REPLIES_PER_RESPONSE_MAX,
  WALL_REPLIES_PER_SESSION_MAX,
} from '#domain/live/wall-replies';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { findOpenResponse, toClassWallReply, toTeacherWallReply } from '../live/session-views';
import { WallKeys } from '../live/wall-keys';
import { listParticipantAnswers, listSessionAnswers } from '../repositories/answers.repository';
import { listItemStates } from '../repositories/class-sessions.repository';
import { addWallReply, setWallReplyHidden } from '../repositories/wall-replies.repository';

/**
 * Under /api/sessions: students reply to each other's responses on the class's wall, and the
 * teacher hides replies. A student may reply to exactly what their own wall shows them.
 */
export const wallReplyRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub, lessons, limiters, config } = app;
  const wallKeys = new WallKeys(config.cookieSecret);

  addRoute(app, endpoints.replyToResponse, async ({ params, body, caller }) => {
    const { participant, session } = caller;
    limiters.wallReply.take(participant.id);
    if (session.status === 'ended') {
      throw new ApiError(409, 'session_ended', 'The session has ended; the wall takes no replies.');
    }
    const { lesson } = await lessons.ofSession(session);
    const [stored, myAnswers, answers, wall] = await Promise.all([
      listItemStates(db, session.id),
      listParticipantAnswers(db, participant.id),
      listSessionAnswers(db, session.id),
      wallKeys.forSession(db, session),
    ]);
    const response = findOpenResponse(lesson, answers, wall.responseIdOf, params.responseId);
    if (!response) {
      throw new ApiError(
        404,
        'not_found',
        'There is no such response on the wall of this session.',
        'responseId',
      );
    }
    // The same rules as the wall the student is shown (buildStudentView), each with its reason.
    if (!stored.some((s) => s.itemId === response.itemId && s.isRevealed)) {
      throw new ApiError(
        403,
        'forbidden',
        'Your teacher has not shown the class the responses to this question yet.',
      );
    }
    if (!myAnswers.some((a) => a.itemId === response.itemId)) {
      throw new ApiError(
        403,
        'forbidden',
        "Answer this question yourself first; then you can reply to your classmates' responses.",
      );
    }
    if (response.participantId === participant.id) {
      throw new ApiError(
        403,
        'forbidden',
        'This is your own response: reply to a classmate’s, or change your answer instead.',
      );
    }
    if (response.isHidden) {
      throw new ApiError(
        404,
        'not_found',
        'Your teacher has hidden this response from the wall; it takes no replies.',
        'responseId',
      );
    }
    const added = await addWallReply(db, {
      sessionId: session.id,
      itemId: response.itemId,
      responseParticipantId: response.participantId,
      authorId: participant.id,
      kind: body.kind,
      text: body.text,
      perResponseMax: WALL_REPLIES_PER_RESPONSE_MAX,
      perSessionMax: WALL_REPLIES_PER_SESSION_MAX,
    });
    if (added === 'response-full' || added === 'session-full') {
      throw new ApiError(
        409,
        'invalid_input',
        added === 'response-full'
          ? `This response already has ${WALL_REPLIES_PER_RESPONSE_MAX} replies, the most it takes.`
          : `This session's wall already holds ${WALL_REPLIES_PER_SESSION_MAX} replies, the most it keeps.`,
      );
    }
    // Coalesced with the answers arriving meanwhile: the class's walls refetch once.
    hub.wallChanged(session.id, response.itemId);
    return toClassWallReply(added, wall, participant.id);
  });

  addRoute(app, endpoints.moderateReply, async ({ params, body, caller: { session } }) => {
    const reply = await setWallReplyHidden(db, session.id, params.replyId, body.isHidden);
    if (!reply) {
      throw new ApiError(404, 'not_found', 'This session has no such reply.', 'replyId');
    }
    await hub.publish(
      session.id,
      { to: 'everyone' },
      { type: 'wall.changed', itemId: reply.itemId },
    );
    return toTeacherWallReply(reply, await wallKeys.forSession(db, session));
  });
  done();
};
