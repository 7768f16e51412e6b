import type { FastifyInstance } from 'fastify';
import { nameSkeleton } from '../../domain/live/display-names';
import { rejoinRequestSchema, type JoinResponse } from '../../domain/live/live-contracts';
import type { AppDeps } from '../app-deps';
import { ApiError, parseInput } from '../lib/api-error';
import { hashToken, newToken } from '../lib/secrets';
import { findClassSessionByCode } from '../repositories/class-sessions.repository';
import {
  findParticipantByRejoinCode,
  replaceParticipantToken,
} from '../repositories/participants.repository';
import { requireJoinable } from './participant.routes';

export function registerRejoinRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, auth, limiters } = deps;

  /**
   * Back into a session on any device, as the same participant with every answer: the join
   * code, the name and the student's rejoin code. The new device gets a fresh cookie and the
   * one used before is signed out of the session, so a code seen over a shoulder cannot be
   * used to share someone's identity unnoticed: the rightful student finds their page signed
   * out, and gets back in with the code or from the teacher.
   */
  app.post('/api/rejoin', async (request, reply) => {
    const input = parseInput(rejoinRequestSchema, request.body);
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
    auth.setParticipantCookie(request, reply, session.id, token);
    const body: JoinResponse = {
      sessionId: session.id,
      participant: {
        id: found.id,
        displayName: found.displayName,
        label: found.label,
        rejoinCode: found.rejoinCode,
      },
    };
    return reply.status(200).send(body);
  });
}
