import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { nameSkeleton } from '#domain/live/display-names';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { checkGuess } from '../lib/guess-limiter';
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
  moveParticipantToNewDevice,
  toParticipant,
} from '../repositories/participants.repository';

/** A name without the number a namesake is given: "Sam (2)" → "Sam". */
const withoutNumber = (name: string) => name.replace(/\s*\(\d+\)\s*$/, '');

/** Under /api: students look a join code up, join, and rejoin on another device. */
export const joinRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub, auth, lessons, limiters } = app;

  /**
   * The open session with this join code. An unknown code is a wrong guess of the address's:
   * guesses slow down and, past the limit, wrong ones are refused while right ones get in.
   *
   * Every look-up, join and rejoin also counts against the address's flood cap (a whole school
   * may share one address). Past it a wrong code is refused at once, unslowed and without a
   * guess counted, at the cost of one indexed read; a right code still gets in, so one student
   * flooding the server from the school's address never keeps the class out.
   */
  const findJoinable = async (request: FastifyRequest, code: string) => {
    if (!limiters.join.tryTake(request.ip)) {
      const session = await findClassSessionByCode(db, code);
      if (!session || session.status === 'ended') throw limiters.join.refusal(request.ip);
      return session;
    }
    return requireJoinable(
      await checkGuess({ byAddress: [limiters.joinGuess, request.ip] }, () =>
        findClassSessionByCode(db, code),
      ),
      code,
    );
  };

  addRoute(app, endpoints.lookUpJoinCode, async ({ params: { code } }, request) => {
    const session = await findJoinable(request, code);
    const { lesson } = await lessons.ofSession(session);
    return {
      sessionId: session.id,
      lessonTitle: lesson.metadata.title,
      status: session.status,
    };
  });

  addRoute(app, endpoints.join, async ({ body: input }, request, reply) => {
    await findJoinable(request, input.code);
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
   * code, the name and the student's rejoin code, which is then replaced by a new one (shown on
   * the student's page and the teacher's roster). The new device gets a fresh cookie and the
   * one used before is signed out of the session, so a code seen over a shoulder cannot be
   * used to share someone's identity unnoticed: the rightful student finds their page signed
   * out, and gets back in with the code or from the teacher.
   */
  addRoute(app, endpoints.rejoin, async ({ body: input }, request, reply) => {
    const session = await findJoinable(request, input.code);
    const typed = nameSkeleton(input.displayName);
    const found = await checkGuess(
      {
        byAddress: [limiters.rejoinByAddress, request.ip],
        // "Sam" and "Sam (2)" are guesses at the same student's code.
        byTarget: [
          limiters.rejoinByStudent,
          `${session.id} ${nameSkeleton(withoutNumber(input.displayName))}`,
        ],
      },
      async () => {
        const byCode = await findParticipantByRejoinCode(db, session.id, input.rejoinCode);
        // "Sam" or "Sam (2)" both name the second Sam.
        const isTheirName =
          byCode && (byCode.nameKey === typed || nameSkeleton(byCode.label) === typed);
        return isTheirName ? byCode : null;
      },
    );
    if (!found) {
      throw new ApiError(
        403,
        'rejoin_refused',
        `That rejoin code is not ${input.displayName}’s in this session. Check the code and ` +
          'the name, or ask your teacher: they can see your code.',
        'rejoinCode',
      );
    }
    if (found.isRemoved) {
      throw new ApiError(403, 'participant_removed', 'Your teacher removed you from this session.');
    }
    const token = newToken();
    const moved = await moveParticipantToNewDevice(db, {
      participantId: found.id,
      usedRejoinCode: found.rejoinCode,
      tokenHash: hashToken(token),
      newRejoinCode,
    });
    if (!moved) {
      throw new ApiError(
        403,
        'rejoin_refused',
        'That rejoin code was used a moment ago, on another device. Ask your teacher for your new code.',
        'rejoinCode',
      );
    }
    // The old device's open streams end too (on every instance): its browser reconnects, is
    // refused, and its page says it was signed out, rather than showing the class live. The
    // new device opens its stream after this answer.
    await hub.endStudentStreams(session.id, found.id);
    auth.setParticipantCookie(request, reply, session.id, token);
    // The teacher's roster shows the student's new code.
    await hub.publish(
      session.id,
      { to: 'teacher' },
      { type: 'participant.rejoined', participant: toParticipant(moved) },
    );
    return { sessionId: session.id, participant: moved };
  });
  done();
};
