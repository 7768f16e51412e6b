import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '../../domain/live/api-endpoints';
import { nameSkeleton } from '../../domain/live/display-names';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { newRejoinCode } from '../lib/join-code';
import { requireJoinable } from '../lib/joinable-session';
import { refuseTakenName } from '../lib/namesakes';
import { hashToken, newToken } from '../lib/secrets';
import {
  findClassSession,
  findClassSessionByCode,
} from '../repositories/class-sessions.repository';
import {
  addParticipant,
  findParticipantByRejoinCode,
  replaceParticipantToken,
  toParticipant,
} from '../repositories/participants.repository';

/** Under /api: students look a join code up, join, and rejoin on another device. */
export const joinRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub, auth, lessons, limiters } = app;

  addRoute(app, endpoints.lookUpJoinCode, async ({ params: { code } }) => {
    const session = requireJoinable(await findClassSessionByCode(db, code), code);
    const { lesson } = await lessons.ofSession(session);
    return {
      sessionId: session.id,
      lessonTitle: lesson.metadata.title,
      status: session.status,
    };
  });

  addRoute(app, endpoints.join, async ({ body: input }, request, reply) => {
    const token = newToken();
    const participant = await db.transaction(async (tx) => {
      const found = await findClassSessionByCode(tx, input.code);
      const session = requireJoinable(found, input.code);
      // Locking the session row numbers namesakes one at a time.
      await findClassSession(tx, session.id, { forUpdate: true });
      if (!input.asNewNamesake) await refuseTakenName(tx, session.id, input.displayName);
      return addParticipant(tx, {
        sessionId: session.id,
        displayName: input.displayName,
        nameKey: nameSkeleton(input.displayName),
        tokenHash: hashToken(token),
        sectionId: session.currentSectionId,
        newRejoinCode,
      });
    });
    auth.setParticipantCookie(request, reply, participant.sessionId, token);
    await hub.publish(
      participant.sessionId,
      { to: 'teacher' },
      { type: 'participant.joined', participant: toParticipant(participant) },
    );
    return { sessionId: participant.sessionId, participant };
  });

  /**
   * Back into a session on any device, as the same participant with every answer: the join
   * code, the name and the student's rejoin code. The new device gets a fresh cookie and the
   * one used before is signed out of the session, so a code seen over a shoulder cannot be
   * used to share someone's identity unnoticed: the rightful student finds their page signed
   * out, and gets back in with the code or from the teacher.
   */
  addRoute(app, endpoints.rejoin, async ({ body: input }, request, reply) => {
    const session = requireJoinable(await findClassSessionByCode(db, input.code), input.code);
    // Counted before the guess (a burst cannot outrun the count) and given back when it was
    // right: wrong guesses are what is limited.
    limiters.rejoinBySession.take(session.id);
    limiters.rejoinByAddress.take(request.ip);
    const found = await findParticipantByRejoinCode(db, session.id, input.rejoinCode);
    const typed = nameSkeleton(input.displayName);
    // "Sam" or "Sam (2)" both name the second Sam.
    const isTheirName = found && (found.nameKey === typed || nameSkeleton(found.label) === typed);
    if (!found || !isTheirName) {
      throw new ApiError(
        403,
        'rejoin_refused',
        `That rejoin code is not ${input.displayName}’s in this session. Check the code and ` +
          'the name, or ask your teacher: they can see your code.',
        'rejoinCode',
      );
    }
    limiters.rejoinByAddress.release(request.ip);
    limiters.rejoinBySession.release(session.id);
    if (found.isRemoved) {
      throw new ApiError(403, 'participant_removed', 'Your teacher removed you from this session.');
    }
    const token = newToken();
    await replaceParticipantToken(db, found.id, hashToken(token));
    // The old device's open streams end too (on every instance): its browser reconnects, is
    // refused, and its page says it was signed out, rather than showing the class live. The
    // new device opens its stream after this answer.
    await hub.endStudentStreams(session.id, found.id);
    auth.setParticipantCookie(request, reply, session.id, token);
    return { sessionId: session.id, participant: found };
  });
  done();
};
