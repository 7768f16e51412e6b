import type { WallIdentity } from '#domain/live/wall-identity';
import type { Queryable } from '../db/database';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import { listParticipantIdsInJoinOrder } from '../repositories/participants.repository';
import { Pseudonyms } from './pseudonyms';
import { ResponseIds, type ResponseIdOf } from './response-ids';

/** What one session's walls need to name responses and their authors without leaking ids. */
export interface SessionWall {
  readonly identity: WallIdentity;
  readonly responseIdOf: ResponseIdOf;
  /** Participant id to pseudonym; empty unless the session shows pseudonyms. */
  readonly pseudonyms: ReadonlyMap<string, string>;
}

/** The server's keyed ids for walls: opaque response ids and pseudonyms, both from its secret. */
export class WallKeys {
  private readonly responseIds: ResponseIds;
  private readonly pseudonyms: Pseudonyms;

  constructor(serverSecret: string) {
    this.responseIds = new ResponseIds(serverSecret);
    this.pseudonyms = new Pseudonyms(serverSecret);
  }

  async forSession(
    db: Queryable,
    session: Pick<ClassSessionRecord, 'id' | 'wallIdentity'>,
  ): Promise<SessionWall> {
    // Worked out only when shown: a session with names or none reads no roster for them.
    const pseudonyms =
      session.wallIdentity === 'pseudonyms'
        ? this.pseudonyms.forSession(session.id)(
            await listParticipantIdsInJoinOrder(db, session.id),
          )
        : new Map<string, string>();
    return {
      identity: session.wallIdentity,
      responseIdOf: this.responseIds.forSession(session.id),
      pseudonyms,
    };
  }
}
