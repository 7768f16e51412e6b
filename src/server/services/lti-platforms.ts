import type { Database } from '../db/database';
import {
  listPlatforms,
  upsertPlatform,
  type LtiPlatformRecord,
  type NewLtiPlatform,
} from '../repositories/lti-platforms.repository';

export type { LtiPlatformRecord, NewLtiPlatform };

/** A registration refused before anything is saved, naming the field. */
export class LtiRegistrationError extends Error {
  constructor(
    readonly field: keyof NewLtiPlatform,
    message: string,
  ) {
    super(message);
    this.name = 'LtiRegistrationError';
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An https address (http only on this machine, for a test LMS); the refusal names the field. */
function checkUrl(field: keyof NewLtiPlatform, text: string): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new LtiRegistrationError(field, `${field} is not an address: ${text}`);
  }
  const isLocal = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) {
    throw new LtiRegistrationError(
      field,
      `${field} must be an https address (http only on localhost): ${text}`,
    );
  }
}

/**
 * Registers an LMS by hand (the administrator copies the values from the LMS's tool settings),
 * or adds deployments and new URLs to a registration with the same issuer and client id.
 */
export async function registerLtiPlatform(
  db: Database,
  input: NewLtiPlatform,
  // Dynamic Registration may end before the LMS made a deployment (Canvas makes it on install).
  options: { readonly mayHaveNoDeployment?: boolean } = {},
): Promise<LtiPlatformRecord> {
  const platform = {
    ...input,
    issuer: input.issuer.trim(),
    clientId: input.clientId.trim(),
    deploymentIds: [...new Set(input.deploymentIds.map((id) => id.trim()).filter(Boolean))],
  };
  if (!platform.issuer) throw new LtiRegistrationError('issuer', 'The issuer is empty.');
  // The issuer is compared as a string with the token's iss; LMSs use their https address.
  checkUrl('issuer', platform.issuer);
  if (!platform.clientId) throw new LtiRegistrationError('clientId', 'The client id is empty.');
  checkUrl('authLoginUrl', platform.authLoginUrl);
  checkUrl('authTokenUrl', platform.authTokenUrl);
  checkUrl('jwksUrl', platform.jwksUrl);
  if (platform.deploymentIds.length === 0 && !options.mayHaveNoDeployment) {
    throw new LtiRegistrationError('deploymentIds', 'Name at least one deployment id.');
  }
  return db.transaction((tx) => upsertPlatform(tx, platform));
}

export function listLtiPlatforms(db: Database): Promise<LtiPlatformRecord[]> {
  return listPlatforms(db);
}
