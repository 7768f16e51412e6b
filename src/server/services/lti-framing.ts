import type { Queryable } from '../db/database';
import { listPlatforms } from '../repositories/lti-platforms.repository';

const originOf = (address: string): string | null => {
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
};

/**
 * The origins that may show the LTI pages and the app's pages a launch leads to in a frame:
 * every registered LMS's issuer and login (authorization) addresses, and the origins the
 * administrator named (LTI_FRAME_ANCESTORS) for an LMS whose course pages live elsewhere.
 */
export async function ltiFrameAncestors(
  db: Queryable,
  configured: readonly string[],
): Promise<string[]> {
  const platforms = await listPlatforms(db);
  const origins = platforms.flatMap((platform) => [
    originOf(platform.issuer),
    originOf(platform.authLoginUrl),
  ]);
  return [
    ...new Set([...origins, ...configured].filter((origin): origin is string => !!origin)),
  ].sort();
}
