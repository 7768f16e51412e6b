import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { LTI_CLAIMS } from '#domain/lti/launch-claims';
import type { NewLtiPlatform } from '../services/lti-platforms';
import { readForm, TestDeepLinking } from './lti-platform-deep-linking';
import { ApiClient } from './api-client';
import {
  openIdConfigurationOf,
  registerToolAt,
  type ReceivedRegistration,
} from './lti-platform-registration';
import { CookieJar } from './cookie-jar';
import { TestLmsServices } from './lti-platform-services';
import { coursePage } from './lti-platform-course';

export const INSTRUCTOR_ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';
export const LEARNER_ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';

/** A user of the test LMS. */
export interface LmsUser {
  readonly sub: string;
  readonly name: string;
  readonly email?: string;
  readonly roles: readonly string[];
}

/** How the platform answers one login: who, which link, and what a test spoils in the token. */
export interface LaunchPlan {
  readonly user: LmsUser;
  readonly resourceLinkId: string;
  /** Claims added or replaced (undefined removes one). */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Signs with a key the platform never published, under the published key's id. */
  readonly isSignedByAnotherKey?: boolean;
  /** Leaves the key id out of the token's header. */
  readonly hasNoKeyId?: boolean;
  /** Seconds the token expired ago (it is valid for 5 minutes otherwise). */
  readonly expiredSecondsAgo?: number;
  /** Names this key id in the header instead of the published key's. */
  readonly keyId?: string;
  /** Dates the token's issue this many seconds from now (in the future when positive). */
  readonly issuedInSeconds?: number;
  /** The frame the platform's storage answers in (lti_storage_target), posted with the token. */
  readonly storageTarget?: string;
}

interface KeyPair {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function makeKeyPair(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A learning platform for the tests, speaking LTI 1.3 as an LMS does, on a real local port with
 * its own RSA keys: a key set at /jwks, and an authorization endpoint at /auth that answers the
 * tool's login redirect with a signed id_token in a self-posting form (response_mode=form_post).
 * Whom it launches, and how, is the plan the test gave for the login hint.
 */
export class TestLtiPlatform {
  /** Replaced by the client id and deployment it gives when the tool registers dynamically. */
  clientId = 'article-discussion-tool';
  deploymentId = 'deployment-1';
  private readonly plans = new Map<string, LaunchPlan>();
  /** Deep linking: the plans of "add an activity", and the answers the tool sent back. */
  readonly deepLinking = new TestDeepLinking(this);
  /** The services a tool calls: tokens, grades, class lists (lti-platform-services.ts). */
  readonly services = new TestLmsServices(this.clientId, () => this.baseUrl);
  /** The bearer token its registration endpoint takes (Dynamic Registration). */
  readonly registrationToken = `registration-${randomUUID()}`;
  /** Fields of the OpenID configuration a test replaces (undefined removes one). */
  configurationOverride: Record<string, unknown> = {};
  /** Bytes of padding added to the OpenID configuration, to make it too big. */
  configurationPadding = 0;
  /** How the registration endpoint fails, when a test wants it to. */
  registrationFailure: { readonly status: number; readonly body: string } | null = null;
  readonly registrations: ReceivedRegistration[] = [];
  /** False for an LMS that deploys later, as Canvas does: no deployment_id in its answer. */
  registrationNamesDeployment = true;
  /** The Authorization header of each request for its OpenID configuration. */
  readonly configurationAuthorizations: (string | undefined)[] = [];

  private readonly server: Server;
  private port = 0;

  private constructor(
    private readonly key: KeyPair,
    private readonly rogueKey: KeyPair,
  ) {
    this.server = createServer((request, response) => {
      this.answer(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
  }

  static async start(): Promise<TestLtiPlatform> {
    const kid = `lms-${randomUUID().slice(0, 8)}`;
    const [key, rogueKey] = await Promise.all([makeKeyPair(kid), makeKeyPair(kid)]);
    const platform = new TestLtiPlatform(key, rogueKey);
    await new Promise<void>((resolve) => {
      platform.server.listen(0, '127.0.0.1', resolve);
    });
    platform.port = (platform.server.address() as AddressInfo).port;
    return platform;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get issuer(): string {
    return this.baseUrl;
  }

  /** What an administrator copies from this LMS into `npm run admin -- lti-register`. */
  registration(): NewLtiPlatform {
    return {
      issuer: this.issuer,
      clientId: this.clientId,
      authLoginUrl: `${this.baseUrl}/auth`,
      authTokenUrl: `${this.baseUrl}/token`,
      jwksUrl: `${this.baseUrl}/jwks`,
      deploymentIds: [this.deploymentId],
    };
  }

  /** The login hint to start a login with, which the platform will answer by this plan. */
  plan(plan: LaunchPlan): string {
    const hint = randomUUID();
    this.plans.set(hint, plan);
    return hint;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    if (await this.services.answer(url, request, response)) return;
    if (url.pathname === '/jwks') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [this.key.publicJwk] }));
      return;
    }
    if (url.pathname === '/course') {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(coursePage(url.searchParams.get('tool') ?? ''));
      return;
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      this.configurationAuthorizations.push(request.headers.authorization);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(openIdConfigurationOf(this)));
      return;
    }
    if (url.pathname === '/register' && request.method === 'POST') {
      const answer = await registerToolAt(this, request);
      response.statusCode = answer.status;
      response.setHeader('content-type', 'application/json');
      response.end(answer.body);
      return;
    }
    if (url.pathname === '/auth') {
      const form = await this.authorize(url.searchParams);
      response.statusCode = form.status;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(form.html);
      return;
    }
    if (url.pathname === '/deep-link-return' && request.method === 'POST') {
      const answered = await this.deepLinking.receive(await readForm(request));
      response.statusCode = answered.status;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(answered.html);
      return;
    }
    response.statusCode = 404;
    response.end();
  }

  /** The address its administrator's page passes as openid_configuration. */
  get openIdConfigurationUrl(): string {
    return `${this.baseUrl}/.well-known/openid-configuration`;
  }

  /** The authentication response: what an LMS checks of the request, then the signed token. */
  private async authorize(query: URLSearchParams): Promise<{ status: number; html: string }> {
    const plan = this.plans.get(query.get('login_hint') ?? '');
    const expected: Record<string, string> = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: this.clientId,
    };
    const wrong = Object.entries(expected).find(([name, value]) => query.get(name) !== value);
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!plan || wrong || !redirectUri.endsWith('/lti/launch') || !query.get('nonce')) {
      const why = !plan
        ? 'unknown login_hint'
        : wrong
          ? `wrong ${wrong[0]}`
          : 'bad redirect_uri or nonce';
      return { status: 400, html: `<p>invalid_request: ${why}</p>` };
    }
    const idToken = await this.sign(plan, query.get('nonce') ?? '');
    const fields = {
      id_token: idToken,
      state: query.get('state') ?? '',
      ...(plan.storageTarget ? { lti_storage_target: plan.storageTarget } : {}),
    };
    const inputs = Object.entries(fields)
      .map(
        ([name, value]) => `<input type="hidden" name="${name}" value="${escapeAttribute(value)}">`,
      )
      .join('');
    return {
      status: 200,
      html: `<form method="post" action="${escapeAttribute(redirectUri)}">${inputs}</form><script>document.forms[0].submit()</script>`,
    };
  }

  private async sign(plan: LaunchPlan, nonce: string): Promise<string> {
    const { user } = plan;
    const now = Math.floor(Date.now() / 1000);
    const standard: Record<string, unknown> = {
      name: user.name,
      ...(user.email ? { email: user.email } : {}),
      nonce,
      [LTI_CLAIMS.messageType]: 'LtiResourceLinkRequest',
      [LTI_CLAIMS.version]: '1.3.0',
      [LTI_CLAIMS.deploymentId]: this.deploymentId,
      [LTI_CLAIMS.targetLinkUri]: 'http://tool.example/lti/launch',
      [LTI_CLAIMS.resourceLink]: { id: plan.resourceLinkId, title: 'Discuss the article' },
      [LTI_CLAIMS.roles]: user.roles,
      [LTI_CLAIMS.context]: { id: 'course-1', title: 'Civics 9' },
      ...this.services.launchClaims(),
    };
    // The plan's claims replace the standard ones; an undefined one removes it.
    const claims = Object.fromEntries(
      Object.entries({ ...standard, ...plan.claims }).filter(([, value]) => value !== undefined),
    );
    const expiresAt =
      plan.expiredSecondsAgo === undefined ? now + 300 : now - plan.expiredSecondsAgo;
    const key = plan.isSignedByAnotherKey ? this.rogueKey : this.key;
    const jwt = new SignJWT(claims)
      .setProtectedHeader({
        alg: 'RS256',
        typ: 'JWT',
        ...(plan.hasNoKeyId ? {} : { kid: plan.keyId ?? this.key.publicJwk.kid ?? '' }),
      })
      .setIssuedAt(
        plan.issuedInSeconds === undefined
          ? Math.min(now, expiresAt - 60)
          : now + plan.issuedInSeconds,
      )
      .setExpirationTime(expiresAt);
    // A test may replace the issuer or the audience through `claims`.
    if (!('iss' in claims)) jwt.setIssuer(this.issuer);
    if (!('aud' in claims)) jwt.setAudience(this.clientId);
    if (!('sub' in claims)) jwt.setSubject(user.sub);
    return jwt.sign(key.privateKey);
  }
}

/** The answer of the tool to the last step of a launch. */
export interface LaunchResult {
  readonly status: number;
  /** Where the tool sent the browser (a 303 after a launch it accepted). */
  readonly location: string | null;
  readonly body: string;
}

/**
 * A browser between the LMS and the tool: it follows the login's redirect to the platform and
 * posts the platform's form back to the tool, keeping the tool's cookies as a browser does.
 */
export class LtiBrowser {
  readonly cookies = new CookieJar();
  /** The last form the platform gave, kept so a test can post it again (a replay). */
  lastForm: { action: string; fields: Record<string, string> } | null = null;

  constructor(readonly toolUrl: string) {}

  /** An API client of the tool that shares this browser's cookies. */
  api(): ApiClient {
    return new ApiClient(this.toolUrl, this.cookies);
  }

  /** The platform's login initiation (a GET, as most LMSs send it), up to the tool's redirect. */
  async startLogin(
    fields: Record<string, string>,
    method: 'GET' | 'POST' = 'GET',
  ): Promise<Response> {
    const params = new URLSearchParams(fields);
    const isGet = method === 'GET';
    const response = await fetch(
      `${this.toolUrl}/lti/login${isGet ? `?${params.toString()}` : ''}`,
      {
        method,
        redirect: 'manual',
        ...(isGet
          ? {}
          : { body: params, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      },
    );
    this.cookies.keep(response.headers.getSetCookie());
    return response;
  }

  /** Follows the tool's redirect to the platform and reads the self-posting form it answers. */
  async authorize(location: string): Promise<{ action: string; fields: Record<string, string> }> {
    const page = await (await fetch(location)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`the platform answered no form: ${page}`);
    const fields: Record<string, string> = {};
    for (const [, name = '', value = ''] of page.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
    )) {
      fields[name] = value.replace(/&#(\d+);/g, (_m, code: string) =>
        String.fromCharCode(Number(code)),
      );
    }
    this.lastForm = {
      action: action.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))),
      fields,
    };
    return this.lastForm;
  }

  /** Posts a form to the tool as the platform's page does, with the tool's cookies. */
  async postForm(
    action: string,
    fields: Record<string, string>,
    cookieHeader?: string,
  ): Promise<LaunchResult> {
    const urlPath = new URL(action).pathname;
    const cookie = cookieHeader ?? this.cookies.header(urlPath);
    const response = await fetch(action, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(fields),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(cookie ? { cookie } : {}),
      },
    });
    this.cookies.keep(response.headers.getSetCookie());
    return {
      status: response.status,
      location: response.headers.get('location'),
      body: await response.text(),
    };
  }

  /** A whole launch from the LMS: login initiation, authorization, form post. */
  async launch(platform: TestLtiPlatform, plan: LaunchPlan): Promise<LaunchResult> {
    const login = await this.startLogin({
      iss: platform.issuer,
      login_hint: platform.plan(plan),
      target_link_uri: `${this.toolUrl}/lti/launch`,
      lti_message_hint: plan.resourceLinkId,
      client_id: platform.clientId,
      lti_deployment_id: platform.deploymentId,
    });
    const location = login.headers.get('location');
    if (login.status !== 302 || !location) {
      throw new Error(`the login was refused: ${login.status} ${await login.text()}`);
    }
    const form = await this.authorize(location);
    return this.postForm(form.action, form.fields);
  }
}
