import type { Teacher } from '#domain/api/live-contracts';
import type { Database } from '../db/database';
import { hashToken, newToken } from '../lib/secrets';
import {
  findHandoff,
  insertHandoff,
  moveParticipantToHandoffWindow,
  useHandoff,
  type HandoffArrival,
} from '../repositories/lti-handoffs.repository';
import { findTeacherById } from '../repositories/lti-users.repository';
import { findParticipantByToken } from '../repositories/participants.repository';
import { teacherLandingPath, type LtiArrival } from './lti-arrivals';

/** Long enough to press a button, short enough that a code seen over a shoulder is stale. */
export const HANDOFF_TTL_SECONDS = 120;

const HANDOFF_REFUSAL_STATUS = {
  handoff_unknown: 404,
  handoff_used: 410,
  handoff_expired: 410,
} as const;

export type HandoffRefusalCode = keyof typeof HANDOFF_REFUSAL_STATUS;

/** A hand-off refused: unknown (or not this launch's), used, or expired. */
export class LtiHandoffRefusalError extends Error {
  readonly status: number;
  constructor(
    readonly code: HandoffRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'LtiHandoffRefusalError';
    this.status = HANDOFF_REFUSAL_STATUS[code];
  }
}

/** The window the hand-off opened: who is signed in there. */
export type HandedOff =
  | { readonly kind: 'teacher'; readonly teacher: Teacher; readonly landingPath: string }
  | { readonly kind: 'student'; readonly sessionId: string; readonly token: string };

const refuse = (code: HandoffRefusalCode, message: string): never => {
  throw new LtiHandoffRefusalError(code, message);
};

const AGAIN = 'Open the activity from your course again.';

/**
 * Hand-offs (issue 24, point 6): a launch checked in an LMS's frame that cannot keep the app's
 * cookies continues in a window of its own, which a one-time code signs in. The code is
 * stored hashed, works once, for two minutes, and only with the state of the launch it came from.
 */
export class LtiHandoffs {
  constructor(private readonly db: Database) {}

  /** A code for the launch with this state; null when the launch let nobody in. */
  async create(loginState: string, arrival: LtiArrival): Promise<string | null> {
    let handoff: HandoffArrival;
    if ('teacher' in arrival) {
      handoff = {
        kind: 'teacher',
        teacherId: arrival.teacher.id,
        landingPath: teacherLandingPath(arrival),
      };
    } else if (arrival.kind === 'student') {
      const participant = await findParticipantByToken(
        this.db,
        arrival.sessionId,
        hashToken(arrival.token),
      );
      if (!participant) throw new Error('the participant the launch just let in is gone');
      handoff = { kind: 'student', participantId: participant.id, sessionId: arrival.sessionId };
    } else {
      return null;
    }
    const code = newToken();
    await insertHandoff(this.db, {
      codeHash: hashToken(code),
      loginState,
      arrival: handoff,
      expiresAt: new Date(Date.now() + HANDOFF_TTL_SECONDS * 1000),
    });
    return code;
  }

  /** Spends the code of the launch with this state and signs its user in where it is opened. */
  async redeem(loginState: string, code: string): Promise<HandedOff> {
    const codeHash = hashToken(code);
    const found = await findHandoff(this.db, codeHash);
    if (!found || found.loginState !== loginState) {
      return refuse('handoff_unknown', `This link to open the activity is not valid. ${AGAIN}`);
    }
    if (found.isUsed) {
      return refuse('handoff_used', `This link to open the activity was used already. ${AGAIN}`);
    }
    if (found.expiresAt.getTime() <= Date.now() || !(await useHandoff(this.db, codeHash))) {
      const again = await findHandoff(this.db, codeHash);
      return again?.isUsed
        ? refuse('handoff_used', `This link to open the activity was used already. ${AGAIN}`)
        : refuse(
            'handoff_expired',
            `This link to open the activity expired (it works for ${HANDOFF_TTL_SECONDS / 60} minutes). ${AGAIN}`,
          );
    }
    const { arrival } = found;
    if (arrival.kind === 'teacher') {
      const teacher = await findTeacherById(this.db, arrival.teacherId);
      if (!teacher) return refuse('handoff_unknown', `This account is gone. ${AGAIN}`);
      return { kind: 'teacher', teacher, landingPath: arrival.landingPath };
    }
    const token = newToken();
    if (!(await moveParticipantToHandoffWindow(this.db, arrival.participantId, hashToken(token)))) {
      return refuse('handoff_unknown', `Your teacher removed you from this session. ${AGAIN}`);
    }
    return { kind: 'student', sessionId: arrival.sessionId, token };
  }
}
