import type { z } from 'zod';
import type { joinRequestSchema, rejoinRequestSchema } from '#domain/api/live-contracts';
import { nameSkeleton } from '#domain/live/display-names';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import { checkGuess, type GuessLimiter } from '../lib/guess-limiter';
import { newRejoinCode } from '../lib/join-code';
import type { RateLimiter } from '../lib/rate-limiter';
import { hashToken, newToken } from '../lib/secrets';
import type { LiveHub } from '../live/live-hub';
import {
  findClassSession,
  findClassSessionByCode,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import {
  addParticipant,
  findParticipantByRejoinCode,
  moveParticipantToNewDevice,
  toParticipant,
  type ParticipantRecord,
} from '../repositories/participants.repository';
import { requireJoinable } from './joinable-session';
import { refuseTakenName } from './namesakes';

/** A name without the number a namesake is given: "Sam (2)" → "Sam". */
const withoutNumber = (name: string) => name.replace(/\s*\(\d+\)\s*$/, '');

type JoinRequest = z.output<typeof joinRequestSchema>;
type RejoinRequest = z.output<typeof rejoinRequestSchema>;

/** The limits on joining (plugins/rate-limits.plugin.ts makes them). */
export interface JoinLimiters {
  /** Every join code look-up and join, per client address. */
  readonly join: RateLimiter;
  /** Unknown join codes tried, per client address. */
  readonly joinGuess: GuessLimiter;
  /** Wrong rejoin codes, per client address and per student (session and name). */
  readonly rejoinByAddress: GuessLimiter;
  readonly rejoinByStudent: GuessLimiter;
}

/** A student in a session, and the token their device's cookie carries. */
export interface Joined {
  readonly session: Pick<ClassSessionRecord, 'id'>;
  readonly participant: ParticipantRecord;
  readonly token: string;
}

/** Students look a join code up, join, and rejoin on another device. */
export class Joining {
  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    private readonly limiters: JoinLimiters,
  ) {}

  /**
   * The open session with this join code. An unknown code is a wrong guess of the address's:
   * guesses slow down and, past the limit, wrong ones are refused while right ones get in.
   *
   * Every look-up, join and rejoin also counts against the address's flood cap (a whole school
   * may share one address). Past it a wrong code is refused at once, unslowed and without a
   * guess counted, at the cost of one indexed read; a right code still gets in, so one student
   * flooding the server from the school's address never keeps the class out.
   */
  async findJoinable(address: string, code: string): Promise<ClassSessionRecord> {
    const { db, limiters } = this;
    if (!limiters.join.tryTake(address)) {
      const session = await findClassSessionByCode(db, code);
      if (!session || session.status === 'ended') throw limiters.join.refusal(address);
      return session;
    }
    return requireJoinable(
      await checkGuess({ byAddress: [limiters.joinGuess, address] }, () =>
        findClassSessionByCode(db, code),
      ),
      code,
    );
  }

  async join(address: string, input: JoinRequest): Promise<Joined> {
    await this.findJoinable(address, input.code);
    const token = newToken();
    const participant = await this.db.transaction(async (tx) => {
      const found = await findClassSessionByCode(tx, input.code);
      const session = requireJoinable(found, input.code);
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
    await this.hub.publish(
      participant.sessionId,
      { to: 'teacher' },
      { type: 'participant.joined', participant: toParticipant(participant) },
    );
    return { session: { id: participant.sessionId }, participant, token };
  }

  /**
   * Back into a session on any device, as the same participant with every answer: the join
   * code, the name and the student's rejoin code, which is then replaced by a new one (shown on
   * the student's page and the teacher's roster). The new device gets a fresh cookie and the
   * one used before is signed out of the session, so a code seen over a shoulder cannot be
   * used to share someone's identity unnoticed: the rightful student finds their page signed
   * out, and gets back in with the code or from the teacher.
   */
  async rejoin(address: string, input: RejoinRequest): Promise<Joined> {
    const { db, limiters } = this;
    const session = await this.findJoinable(address, input.code);
    const typed = nameSkeleton(input.displayName);
    const found = await checkGuess(
      {
        byAddress: [limiters.rejoinByAddress, address],
        byTarget: [
          limiters.rejoinByStudent,
          `${session.id} ${nameSkeleton(withoutNumber(input.displayName))}`,
        ],
      },
      async () => {
        const byCode = await findParticipantByRejoinCode(db, session.id, input.rejoinCode);
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
    await this.hub.endStudentStreams(session.id, found.id);
    await this.hub.publish(
      session.id,
      { to: 'teacher' },
      { type: 'participant.rejoined', participant: toParticipant(moved) },
    );
    return { session, participant: moved, token };
  }
}
