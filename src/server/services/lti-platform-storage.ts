import type { Queryable } from '../db/database';
import { findLogin } from '../repositories/lti-logins.repository';
import { findPlatformById } from '../repositories/lti-platforms.repository';

/**
 * The origin of the LMS a login went to (its authorization address): the LTI postMessages of
 * that login are sent to it, and only its answers are heard. Null for a state no login has.
 */
export async function platformOriginOfLogin(db: Queryable, state: string): Promise<string | null> {
  const login = await findLogin(db, state);
  const platform = login ? await findPlatformById(db, login.platformId) : null;
  return platform ? new URL(platform.authLoginUrl).origin : null;
}
