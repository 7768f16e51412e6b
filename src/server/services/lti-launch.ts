import { randomBytes } from 'node:crypto';
import {
  DEEP_LINKING_REQUEST,
  readDeepLinkingRequest,
  readPlacementId,
} from '#domain/lti/deep-linking';
import {
  checkAuthorizedParty,
  LTI_CLAIMS,
  readResourceLinkLaunch,
} from '#domain/lti/launch-claims';
import { isRefusal, refusal, type LtiRefusal, type LtiRefusalCode } from '#domain/lti/refusals';
import { readLaunchServices } from '#domain/lti/service-claims';
import type { Database } from '../db/database';
import type { LiveHub } from '../live/live-hub';
import { saveLinkServices } from '../repositories/lti-link-services.repository';
import { findLogin, insertLogin, useLogin } from '../repositories/lti-logins.repository';
import {
  findPlatformById,
  findPlatformsByIssuer,
  type LtiPlatformRecord,
} from '../repositories/lti-platforms.repository';
import { arriveAsStudent, arriveAsTeacher, type LtiArrival } from './lti-arrivals';
import type { LtiDeepLinking } from './lti-deep-linking';
import type { LtiPlacements } from './lti-placements';
import { LtiRefusalError } from './lti-refusal-error';
import { LtiTokenCheck } from './lti-token-check';

/** How long a login may wait for its launch: the user signs in to the LMS in between. */
export const LOGIN_TTL_SECONDS = 10 * 60;

/** What a platform sends to start a login (LTI Core 1.3, 5.1.1), GET query or POST form. */
export interface LoginInitiation {
  readonly iss?: string;
  readonly login_hint?: string;
  readonly target_link_uri?: string;
  readonly lti_message_hint?: string;
  readonly client_id?: string;
  readonly lti_deployment_id?: string;
}

/** The login started: where to send the browser, and the state its cookie must carry back. */
export interface StartedLogin {
  readonly redirectUrl: string;
  readonly state: string;
}

function fail(code: LtiRefusalCode, message: string): never {
  throw new LtiRefusalError(refusal(code, message));
}

const unlessRefused = <T extends object>(value: T | LtiRefusal): T => {
  if (isRefusal(value)) throw new LtiRefusalError(value);
  return value;
};

const randomText = () => randomBytes(24).toString('base64url');

/** The platform a login names: by issuer, and by client id when the issuer has several. */
function choosePlatform(
  platforms: readonly LtiPlatformRecord[],
  login: LoginInitiation,
): LtiPlatformRecord {
  const { iss = '', client_id: clientId } = login;
  if (platforms.length === 0) {
    fail('unknown_platform', `No platform with the issuer ${iss} is registered with this tool.`);
  }
  if (clientId === undefined) {
    const [only, ...others] = platforms;
    if (only && others.length === 0) return only;
    fail(
      'missing_parameter',
      `The issuer ${iss} registered this tool more than once: the login must name its client_id.`,
    );
  }
  const chosen = platforms.find((platform) => platform.clientId === clientId);
  if (!chosen) {
    fail(
      'unknown_platform',
      `The issuer ${iss} has not registered this tool under the client id ${clientId}.`,
    );
  }
  return chosen;
}

/**
 * The LTI 1.3 launch (LTI Core 1.3, 5.1; the 1EdTech security framework, 5.1.1): the login
 * initiation sends the browser to the platform with a state and a nonce; the launch checks the
 * token the platform posts back and takes the user where their role goes.
 */
export class LtiLaunch {
  private readonly tokens = new LtiTokenCheck();

  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    private readonly links: {
      readonly deepLinking: LtiDeepLinking;
      readonly placements: LtiPlacements;
    },
  ) {}

  /** Starts a login; `launchUrl` is this tool's redirect URI, registered in the LMS. */
  async startLogin(login: LoginInitiation, launchUrl: string): Promise<StartedLogin> {
    for (const name of ['iss', 'login_hint', 'target_link_uri'] as const) {
      if (!login[name]) fail('missing_parameter', `The login initiation has no ${name}.`);
    }
    const platform = choosePlatform(await findPlatformsByIssuer(this.db, login.iss ?? ''), login);
    const deploymentId = login.lti_deployment_id;
    if (deploymentId !== undefined && !platform.deploymentIds.includes(deploymentId)) {
      fail(
        'unknown_deployment',
        `The deployment ${deploymentId} of ${platform.issuer} is not registered with this tool.`,
      );
    }
    const state = randomText();
    const nonce = randomText();
    const expiresAt = new Date(Date.now() + LOGIN_TTL_SECONDS * 1000);
    await insertLogin(this.db, { state, nonce, platformId: platform.id, expiresAt });
    const url = new URL(platform.authLoginUrl);
    const params: Record<string, string | undefined> = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: platform.clientId,
      redirect_uri: launchUrl,
      login_hint: login.login_hint,
      lti_message_hint: login.lti_message_hint,
      state,
      nonce,
    };
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    return { redirectUrl: url.toString(), state };
  }

  /**
   * Checks a launch in the order that names the first thing wrong: the state (started here, in
   * this browser, not expired), the token (signature, issuer, audience, expiry), its nonce (the
   * login's, used once), the message, the deployment; then takes the user in.
   */
  async launch(form: {
    idToken: string | undefined;
    state: string | undefined;
    isStateFromThisBrowser: boolean;
  }): Promise<LtiArrival> {
    const { idToken, state } = form;
    if (!idToken) fail('missing_parameter', 'The launch has no id_token.');
    if (!state) fail('missing_parameter', 'The launch has no state.');
    const login = await findLogin(this.db, state);
    if (!login || !form.isStateFromThisBrowser) {
      fail(
        'state_mismatch',
        'The launch’s state does not match a login started in this browser: start again from the LMS. ' +
          'If the LMS shows this tool inside its page, your browser may have blocked the tool’s cookie: ask for the tool to open in a new window.',
      );
    }
    if (login.expiresAt.getTime() < Date.now()) {
      fail(
        'login_expired',
        `The login started more than ${LOGIN_TTL_SECONDS / 60} minutes ago: start again from the LMS.`,
      );
    }
    const platform = await findPlatformById(this.db, login.platformId);
    if (!platform) {
      fail('unknown_platform', 'The platform this login started with is no longer registered.');
    }
    const payload = unlessRefused(await this.tokens.verify(idToken, platform));
    const party = checkAuthorizedParty(payload, platform.clientId);
    if (party) throw new LtiRefusalError(party);
    if (payload.nonce !== login.nonce) {
      fail('nonce_mismatch', 'The token’s nonce is not the one this login sent to the platform.');
    }
    if (login.isUsed) {
      fail('replayed_nonce', 'This launch’s token was used already (its nonce is spent).');
    }
    if (payload[LTI_CLAIMS.messageType] === DEEP_LINKING_REQUEST) {
      const request = unlessRefused(readDeepLinkingRequest(payload));
      await this.spendLogin(platform, request.deploymentId, login.state);
      const started = await this.links.deepLinking.start(platform.id, request);
      return { kind: 'deep-linking', ...started };
    }
    const launch = unlessRefused(readResourceLinkLaunch(payload));
    const placementId = readPlacementId(payload);
    if (placementId !== null && typeof placementId !== 'string') {
      throw new LtiRefusalError(placementId);
    }
    await this.spendLogin(platform, launch.deploymentId, login.state);
    const placed = placementId
      ? await this.links.placements.sessionOfLink(platform.id, launch, placementId)
      : null;
    const arrival = await (launch.role === 'learner'
      ? arriveAsStudent(this.db, this.hub, platform.id, launch)
      : arriveAsTeacher(this.db, platform.id, launch));
    // After the arrival, which made the link: where its grades go and its class list is read.
    const link = { platformId: platform.id, ...launch };
    await saveLinkServices(this.db, link, readLaunchServices(payload));
    if (arrival.kind !== 'teacher') return arrival;
    // An LMS may leave the custom claim out of a later launch: the link knows its session.
    const opened =
      placed ?? (await this.links.placements.existingSessionOfLink(platform.id, launch));
    // Another instructor of the course has no part in the placing teacher's session.
    return opened?.teacherId === arrival.teacher.id
      ? { kind: 'teacher-session', teacher: arrival.teacher, sessionId: opened.sessionId }
      : arrival;
  }

  /** The deployment must be registered; then the login is spent, once, by a launch that passed. */
  private async spendLogin(platform: LtiPlatformRecord, deploymentId: string, state: string) {
    if (!platform.deploymentIds.includes(deploymentId)) {
      fail(
        'unknown_deployment',
        `The deployment ${deploymentId} of ${platform.issuer} is not registered with this tool.`,
      );
    }
    // Of two launches racing with one token, one wins here.
    if (!(await useLogin(this.db, state))) {
      fail('replayed_nonce', 'This launch’s token was used already (its nonce is spent).');
    }
  }
}
