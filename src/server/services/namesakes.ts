import { nameSkeleton } from '#domain/live/display-names';
import type { Queryable } from '../db/database';
import { participantLabel } from '#domain/live/participant-label';
import { findNamesakes } from '../repositories/participants.repository';
import { ApiError } from '../lib/api-error';

/**
 * Refuses a join whose name (or a look-alike of it) is already in the session, so a student
 * back on another device is offered their way back instead of becoming a namesake by mistake.
 * Call in the join's transaction, after the session row is locked.
 */
export async function refuseTakenName(
  db: Queryable,
  sessionId: string,
  displayName: string,
): Promise<void> {
  const { present, nextNumber } = await findNamesakes(db, sessionId, nameSkeleton(displayName));
  const taken = present[0];
  if (!taken) return;
  throw new ApiError(
    409,
    'name_taken',
    `Someone called “${taken.label}” has already joined this session. If that was you on ` +
      `another device, get back in with your rejoin code; if not, join as ` +
      `“${participantLabel(displayName, nextNumber)}”.`,
    'displayName',
  );
}
