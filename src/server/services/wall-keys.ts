import type { SessionWall } from '#domain/live/wall-views';
import type { Queryable } from '../db/database';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import { listParticipantIdsInJoinOrder } from '../repositories/participants.repository';
import { Pseudonyms } from '../live/pseudonyms';
import { ResponseIds } from '../live/response-ids';

/**
 * The server's keyed ids for walls: opaque response ids and pseudonyms, both from its secret.
 * Made once for the app (services.ts), so every route names a response the same way.
 */
export class WallKeys {
  private readonly responseIds: ResponseIds;
  private readonly pseudonyms: Pseudonyms;

  constructor(
    private readonly db: Queryable,
    serverSecret: string,
  ) {
    this.responseIds = new ResponseIds(serverSecret);
    this.pseudonyms = new Pseudonyms(serverSecret);
  }

  async forSession(
    session: Pick<ClassSessionRecord, 'id' | 'wallIdentity' | 'namesHiddenFromTeacher'>,
  ): Promise<SessionWall> {
    // Names hidden from the teacher too: nobody's views show names, so names become pseudonyms.
    const identity =
      session.namesHiddenFromTeacher && session.wallIdentity === 'names'
        ? 'pseudonyms'
        : session.wallIdentity;
    // Worked out only when shown: a session with names or none reads no roster for them.
    const pseudonyms =
      identity === 'pseudonyms'
        ? this.pseudonyms.forSession(session.id)(
            await listParticipantIdsInJoinOrder(this.db, session.id),
          )
        : new Map<string, string>();
    return {
      identity,
      responseIdOf: this.responseIds.forSession(session.id),
      pseudonyms,
      hidesNamesFromTeacher: session.namesHiddenFromTeacher,
    };
  }
}
