/**
 * PLACEHOLDER (branch h-oidc): the merger replaces this file with ADMIN's sign-up-policy.ts (open
 * sign-up, SIGNUP_DOMAINS, invitations). Only the signature is shared; this stand-in allows new
 * teacher accounts on a loopback server and refuses them anywhere else.
 */
import type { ServerConfig } from '../config';
import { isLoopbackHost } from '../config-transport';
import type { Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';

export async function requireSignUpAllowed(
  _db: Queryable,
  config: ServerConfig,
  email: string,
): Promise<void> {
  await Promise.resolve();
  if (isLoopbackHost(config.host)) return;
  throw new ApiError(
    403,
    'sign_up_closed',
    `No teacher account can be opened for ${email} on this server. Ask its administrator for an invitation.`,
  );
}
