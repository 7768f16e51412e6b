import type { z } from 'zod';
import type { rejoinRequestSchema } from '#domain/api/live-contracts';
import { nameSkeleton } from '#domain/live/display-names';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import { checkGuess } from '../lib/guess-limiter';
import { newRejoinCode } from '../lib/join-code';
import { hashToken, newToken } from '../lib/secrets';
import type { LiveHub } from '../live/live-hub';
import { listClassSessionsByCode } from '../repositories/class-sessions.repository';
import {
  findParticipantByRejoinCode,
  moveParticipantToNewDevice,
  toParticipant,
  type ParticipantRecord,
} from '../repositories/participants.repository';
import type { Joined, JoinLimiters } from './joining';

type SignInRequest = z.output<typeof rejoinRequestSchema>;

/** A name without the number a namesake is given: "Sam (2)" → "Sam". */
const withoutNumber = (name: string) => name.replace(/\s*\(\d+\)\s*$/, '');

/**
 * A student comes back to their forecasts (issue 26) with the join code, their name and their
 * rejoin code, on any device and also after the session ended: as a rejoin, under the same
 * limits, the rejoin code is replaced and the device they used before is signed out.
 */
export class ForecastSignIn {
  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    private readonly limiters: JoinLimiters,
  ) {}

  async signIn(address: string, input: SignInRequest): Promise<Joined> {
    const { db, limiters } = this;
    const sessions = await checkGuess({ byAddress: [limiters.joinGuess, address] }, async () => {
      const found = await listClassSessionsByCode(db, input.code);
      return found.length > 0 ? found : null;
    });
    if (!sessions) {
      throw new ApiError(
        404,
        'session_not_found',
        `No session has the code ${input.code}. Check the code with your teacher.`,
        'code',
      );
    }
    const typed = nameSkeleton(input.displayName);
    const found = await checkGuess(
      {
        byAddress: [limiters.rejoinByAddress, address],
        byTarget: [
          limiters.rejoinByStudent,
          `${input.code} ${nameSkeleton(withoutNumber(input.displayName))}`,
        ],
      },
      async () => {
        // The newest session of this code that has this student.
        for (const session of sessions) {
          const byCode = await findParticipantByRejoinCode(db, session.id, input.rejoinCode);
          if (byCode && (byCode.nameKey === typed || nameSkeleton(byCode.label) === typed)) {
            return { session, participant: byCode };
          }
        }
        return null;
      },
    );
    if (!found) {
      throw new ApiError(
        403,
        'rejoin_refused',
        `That rejoin code is not ${input.displayName}’s in a session with this code. Check the ` +
          'code and the name, or ask your teacher: they can see your code.',
        'rejoinCode',
      );
    }
    return this.moveToThisDevice(found.session.id, found.participant);
  }

  private async moveToThisDevice(sessionId: string, found: ParticipantRecord): Promise<Joined> {
    if (found.isRemoved) {
      throw new ApiError(403, 'participant_removed', 'Your teacher removed you from this session.');
    }
    const token = newToken();
    const moved = await moveParticipantToNewDevice(this.db, {
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
    await this.hub.endStudentStreams(sessionId, found.id);
    await this.hub.publish(
      sessionId,
      { to: 'teacher' },
      { type: 'participant.rejoined', participant: toParticipant(moved) },
    );
    return { session: { id: sessionId }, participant: moved, token };
  }
}
