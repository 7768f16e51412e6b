import {
  clientRegistrationRequest,
  isRegistrationRefusal,
  readPlatformConfiguration,
  readRegistrationResponse,
  registrationRefusal,
  type PlatformConfiguration,
  type RegistrationRefusal,
  type RegistrationRefusalCode,
} from '#domain/lti/dynamic-registration';
import type { Database, Queryable } from '../db/database';
import { fetchLmsJson, LmsFetchError, type LmsFetchLimits } from '../lib/lms-fetch';
import { hashToken, newToken } from '../lib/secrets';
import {
  findRegistrationInvitation,
  insertRegistrationInvitation,
  recordInvitationPlatform,
  useRegistrationInvitation,
} from '../repositories/lti-registration-invitations.repository';
import { LtiRegistrationError, registerLtiPlatform, type LtiPlatformRecord } from './lti-platforms';

/** How long a registration URL works unless the administrator says otherwise. */
export const INVITATION_DEFAULT_HOURS = 24;
export const INVITATION_MAX_HOURS = 7 * 24;
/** The platform's documents are small; a bigger one is refused before it fills memory. */
export const REGISTRATION_FETCH_MAX_BYTES = 64 * 1024;
export const REGISTRATION_FETCH_TIMEOUT_MS = 10_000;

export const REGISTRATION_PATH = '/lti/register';

/** A registration refused, naming what failed; the route answers with a page. */
export class LtiRegistrationRefusalError extends Error {
  constructor(readonly refusal: RegistrationRefusal) {
    super(refusal.message);
    this.name = 'LtiRegistrationRefusalError';
  }
}

function fail(code: RegistrationRefusalCode, message: string): never {
  throw new LtiRegistrationRefusalError(registrationRefusal(code, message));
}

/** A registration URL for an LMS administrator to paste; the secret exists only in it. */
export async function createRegistrationInvitation(
  db: Queryable,
  baseUrl: string,
  hours: number,
): Promise<{ url: string; expiresAt: Date }> {
  const secret = newToken();
  const expiresAt = new Date(Date.now() + hours * 3600 * 1000);
  await insertRegistrationInvitation(db, hashToken(secret), expiresAt);
  return { url: `${baseUrl}${REGISTRATION_PATH}/${secret}`, expiresAt };
}

const bearer = (token: string | undefined): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An https address (http only on this machine, for a test LMS), or the refusal naming it. */
function requireWebAddress(what: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    fail('missing_parameter', `The ${what} is not an address: ${text}`);
  }
  const isLocal = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) {
    fail('missing_parameter', `The ${what} must be an https address: ${text}`);
  }
  return url;
}

/**
 * LTI Dynamic Registration 1.0 as the tool: an invitation made by the administrator guards it
 * (anyone could otherwise register an LMS of their own with this tool); the platform's
 * OpenID configuration is read and checked, shown, and on confirmation the tool registers
 * itself at the platform and keeps the platform it answered with.
 */
export class LtiDynamicRegistration {
  constructor(
    private readonly db: Database,
    private readonly limits: LmsFetchLimits = {
      timeoutMs: REGISTRATION_FETCH_TIMEOUT_MS,
      maxBytes: REGISTRATION_FETCH_MAX_BYTES,
    },
  ) {}

  /** Refuses unless the secret is an invitation still unused and not expired. */
  async requireInvitation(secret: string): Promise<void> {
    const invitation = /^[\w-]{20,100}$/.test(secret)
      ? await findRegistrationInvitation(this.db, hashToken(secret))
      : null;
    if (!invitation) {
      fail(
        'invitation_unknown',
        'This registration URL is not one this tool made. Ask the tool’s administrator for one (npm run admin -- lti-registration-url).',
      );
    }
    if (invitation.isUsed) {
      fail(
        'invitation_used',
        'This registration URL registered an LMS already; each works once. Ask the tool’s administrator for a new one.',
      );
    }
    if (invitation.expiresAt.getTime() <= Date.now()) {
      fail(
        'invitation_expired',
        'This registration URL has expired. Ask the tool’s administrator for a new one.',
      );
    }
  }

  /** The invitation checked, then the platform's configuration read from the address given. */
  async readConfiguration(
    secret: string,
    configurationUrl: string | undefined,
    registrationToken: string | undefined,
  ): Promise<PlatformConfiguration> {
    await this.requireInvitation(secret);
    if (!configurationUrl) {
      fail(
        'missing_parameter',
        'The LMS opened this page without openid_configuration: open it from the LMS’s registration of a new tool.',
      );
    }
    requireWebAddress('openid_configuration address', configurationUrl);
    const document = await this.fetchJson(
      configurationUrl,
      // Canvas serves its configuration only with the registration token.
      { method: 'GET', headers: bearer(registrationToken) },
      'OpenID configuration',
      'configuration_unreachable',
    );
    if (document.status !== 200) {
      fail(
        'configuration_unreachable',
        `The LMS answered ${document.status} for its OpenID configuration at ${configurationUrl}.`,
      );
    }
    const configuration = readPlatformConfiguration(configurationUrl, document.body);
    if (isRegistrationRefusal(configuration)) throw new LtiRegistrationRefusalError(configuration);
    return configuration;
  }

  /**
   * Registers the tool at the platform (its registration endpoint, with the registration token
   * as bearer) and keeps the platform it answered with; the invitation is spent.
   */
  async register(input: {
    secret: string;
    configurationUrl: string | undefined;
    registrationToken: string | undefined;
    baseUrl: string;
  }): Promise<LtiPlatformRecord> {
    const configuration = await this.readConfiguration(
      input.secret,
      input.configurationUrl,
      input.registrationToken,
    );
    requireWebAddress('registration endpoint', configuration.registrationEndpoint);
    const answer = await this.fetchJson(
      configuration.registrationEndpoint,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(input.registrationToken) },
        body: JSON.stringify(clientRegistrationRequest(input.baseUrl, configuration)),
      },
      'registration answer',
      'registration_failed',
    );
    if (answer.status !== 200 && answer.status !== 201) {
      fail(
        'registration_failed',
        `The LMS refused the registration (${answer.status}): ${answer.text.slice(0, 300) || 'no reason given'}.`,
      );
    }
    const registration = readRegistrationResponse(answer.body);
    if (isRegistrationRefusal(registration)) throw new LtiRegistrationRefusalError(registration);
    const invitation = hashToken(input.secret);
    if (!(await useRegistrationInvitation(this.db, invitation))) {
      await this.requireInvitation(input.secret);
      fail('invitation_used', 'This registration URL was used meanwhile, by another page.');
    }
    try {
      const platform = await registerLtiPlatform(
        this.db,
        {
          issuer: configuration.issuer,
          clientId: registration.clientId,
          authLoginUrl: configuration.authorizationEndpoint,
          authTokenUrl: configuration.tokenEndpoint,
          jwksUrl: configuration.jwksUri,
          deploymentIds: registration.deploymentId ? [registration.deploymentId] : [],
        },
        { mayHaveNoDeployment: true },
      );
      await recordInvitationPlatform(this.db, invitation, platform.id);
      return platform;
    } catch (error) {
      if (error instanceof LtiRegistrationError) {
        fail('configuration_invalid', `The LMS's configuration: ${error.message}`);
      }
      throw error;
    }
  }

  /** A JSON document of the platform; its failures named as this step's refusals. */
  private async fetchJson(
    url: string,
    init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
    what: string,
    unreachable: RegistrationRefusalCode,
  ): Promise<{ status: number; body: unknown; text: string }> {
    try {
      return await fetchLmsJson(url, init, `The LMS's ${what}`, this.limits);
    } catch (error) {
      if (!(error instanceof LmsFetchError)) throw error;
      const code = {
        unreachable,
        too_large: 'configuration_too_large',
        not_json: 'configuration_invalid',
      } as const satisfies Record<LmsFetchError['kind'], RegistrationRefusalCode>;
      return fail(code[error.kind], error.message);
    }
  }
}
