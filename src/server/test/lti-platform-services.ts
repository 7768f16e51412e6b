import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { LTI_SERVICE_CLAIMS } from '#domain/lti/service-claims';
import { LTI_SCOPES } from '#domain/lti/service-token';

/** The endpoints of the test LMS's services a test can make fail. */
export type ServiceEndpoint = 'token' | 'lineitems' | 'scores' | 'members';

/** How an endpoint answers while a test makes it fail. */
export interface PlannedFailure {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  /** How many requests fail before it answers again; every one when left out. */
  readonly times?: number;
}

/** What the token endpoint let through. */
export interface IssuedToken {
  readonly scopes: readonly string[];
}

/** A line item of the course's gradebook (AGS 2.0, 3.2). */
export interface LineItem {
  readonly id: string;
  readonly scoreMaximum: number;
  readonly label: string;
  readonly resourceLinkId?: string;
  readonly tag?: string;
}

/** A score the tool posted, as the LMS recorded it (AGS 2.0, 3.4). */
export interface RecordedScore {
  readonly lineItemId: string;
  readonly userId: string;
  readonly scoreGiven?: number;
  readonly scoreMaximum?: number;
  readonly comment?: string;
  readonly timestamp: string;
  readonly activityProgress: string;
  readonly gradingProgress: string;
}

/** A member of the course (NRPS 2.0, 3.6.3). */
export interface CourseMember {
  readonly user_id: string;
  readonly name?: string;
  readonly roles: readonly string[];
  readonly status?: 'Active' | 'Inactive' | 'Deleted';
}

const LINE_ITEM_TYPE = 'application/vnd.ims.lis.v2.lineitem+json';
const LINE_ITEMS_TYPE = 'application/vnd.ims.lis.v2.lineitemcontainer+json';
const SCORE_TYPE = 'application/vnd.ims.lis.v1.score+json';
const MEMBERSHIPS_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

/** Past this a request's body is refused (413): the tool sends small forms and scores. */
const MAX_REQUEST_BYTES = 256 * 1024;

export async function readRequestBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.byteLength;
    if (size > MAX_REQUEST_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  response.statusCode = status;
  response.setHeader('content-type', contentType);
  response.end(JSON.stringify(body));
}

/**
 * The test LMS's services, as an LMS runs them for a tool: a token endpoint that checks the
 * tool's client assertion against the tool's published key set (jose) and issues bearer
 * tokens for the scopes asked; and switches that make an endpoint fail, for the retries.
 */
export class TestLmsServices {
  /** Where the tool publishes its keys: the registration of the tool in this LMS. */
  toolJwksUrl: string | null = null;
  /** Every token issued, oldest first. */
  readonly issuedTokens: IssuedToken[] = [];
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly spentJtis = new Set<string>();
  private readonly failures = new Map<ServiceEndpoint, PlannedFailure>();
  private keySet: { url: string; keys: ReturnType<typeof createRemoteJWKSet> } | null = null;
  /** The course's gradebook columns, by their URL. */
  readonly lineItems = new Map<string, LineItem>();
  /** Every score posted, oldest first. */
  readonly scores: RecordedScore[] = [];
  /** The course's members, listed by the memberships endpoint `memberPageSize` at a time. */
  members: CourseMember[] = [];
  memberPageSize = 2;

  constructor(
    private readonly clientId: string,
    private readonly baseUrl: () => string,
  ) {}

  private tokenUrl(): string {
    return `${this.baseUrl()}/token`;
  }

  /** The service claims of every launch: the course's line items and its class list. */
  launchClaims(): Record<string, unknown> {
    return {
      [LTI_SERVICE_CLAIMS.gradeService]: {
        scope: [LTI_SCOPES.lineItem, LTI_SCOPES.resultReadOnly, LTI_SCOPES.score],
        lineitems: `${this.baseUrl()}/lineitems`,
      },
      [LTI_SERVICE_CLAIMS.classListService]: {
        context_memberships_url: `${this.baseUrl()}/memberships`,
        service_versions: ['2.0'],
      },
    };
  }

  /** The scores posted for a user, oldest first. */
  scoresOf(userId: string): RecordedScore[] {
    return this.scores.filter((score) => score.userId === userId);
  }

  /** Makes an endpoint answer `failure` (for its next `times` requests, or until `recover`). */
  fail(endpoint: ServiceEndpoint, failure: PlannedFailure): void {
    this.failures.set(endpoint, failure);
  }

  recover(endpoint: ServiceEndpoint): void {
    this.failures.delete(endpoint);
  }

  /** Revokes every token issued, as an LMS does when it is reconfigured. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** Answers a request if it is for a service; false when it is not. */
  async answer(url: URL, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    if (url.pathname === '/token' && request.method === 'POST') {
      if (this.answeredFailure('token', response)) return true;
      await this.issueToken(await readRequestBody(request), response);
      return true;
    }
    if (url.pathname === '/lineitems') {
      await this.answerLineItems(url, request, response);
      return true;
    }
    const scoresOf = /^\/lineitems\/([\w-]+)\/scores$/.exec(url.pathname);
    if (scoresOf && request.method === 'POST') {
      await this.recordScore(`${this.baseUrl()}/lineitems/${scoresOf[1] ?? ''}`, request, response);
      return true;
    }
    if (/^\/lineitems\/[\w-]+$/.test(url.pathname) && request.method === 'GET') {
      if (!this.authorized(request, response, LTI_SCOPES.lineItem)) return true;
      const item = this.lineItems.get(`${this.baseUrl()}${url.pathname}`);
      if (item) sendJson(response, 200, item, LINE_ITEM_TYPE);
      else sendJson(response, 404, { error: 'no such line item' });
      return true;
    }
    if (url.pathname === '/memberships' && request.method === 'GET') {
      this.listMembers(url, request, response);
      return true;
    }
    return false;
  }

  private async answerLineItems(
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (this.answeredFailure('lineitems', response)) return;
    if (!this.authorized(request, response, LTI_SCOPES.lineItem)) return;
    if (request.method === 'GET') {
      const link = url.searchParams.get('resource_link_id');
      const items = [...this.lineItems.values()].filter(
        (item) => link === null || item.resourceLinkId === link,
      );
      sendJson(response, 200, items, LINE_ITEMS_TYPE);
      return;
    }
    if (request.headers['content-type'] !== LINE_ITEM_TYPE) {
      sendJson(response, 415, { error: `a line item is ${LINE_ITEM_TYPE}` });
      return;
    }
    const body = JSON.parse(await readRequestBody(request)) as Omit<LineItem, 'id'>;
    if (typeof body.scoreMaximum !== 'number' || body.scoreMaximum <= 0 || !body.label) {
      sendJson(response, 400, { error: 'a line item needs a label and a positive scoreMaximum' });
      return;
    }
    const id = `${this.baseUrl()}/lineitems/${randomUUID()}`;
    const item = { ...body, id };
    this.lineItems.set(id, item);
    sendJson(response, 201, item, LINE_ITEM_TYPE);
  }

  private async recordScore(
    lineItemId: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (this.answeredFailure('scores', response)) return;
    if (!this.authorized(request, response, LTI_SCOPES.score)) return;
    if (!this.lineItems.has(lineItemId)) {
      sendJson(response, 404, { error: 'no such line item' });
      return;
    }
    if (request.headers['content-type'] !== SCORE_TYPE) {
      sendJson(response, 415, { error: `a score is ${SCORE_TYPE}` });
      return;
    }
    const score = JSON.parse(await readRequestBody(request)) as Omit<RecordedScore, 'lineItemId'>;
    const isTimestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}/.test(score.timestamp);
    if (!score.userId || !isTimestamp || !score.activityProgress || !score.gradingProgress) {
      sendJson(response, 400, {
        error: 'a score needs userId, a timestamp with milliseconds and both progresses',
      });
      return;
    }
    this.scores.push({ ...score, lineItemId });
    response.statusCode = 204;
    response.end();
  }

  /** One page of the course's members, the next named by a Link header (NRPS 2.0, 3.6.4). */
  private listMembers(url: URL, request: IncomingMessage, response: ServerResponse): void {
    if (this.answeredFailure('members', response)) return;
    if (!this.authorized(request, response, LTI_SCOPES.contextMembershipReadOnly)) return;
    const page = Number(url.searchParams.get('page') ?? '0');
    const start = page * this.memberPageSize;
    const members = this.members.slice(start, start + this.memberPageSize);
    if (start + this.memberPageSize < this.members.length) {
      response.setHeader('link', `<${this.baseUrl()}/memberships?page=${page + 1}>; rel="next"`);
    }
    sendJson(
      response,
      200,
      {
        id: `${this.baseUrl()}${url.pathname}${url.search}`,
        context: { id: 'course-1', title: 'Civics 9' },
        members,
      },
      MEMBERSHIPS_TYPE,
    );
  }

  /**
   * The scopes of the request's bearer token, or null (after answering 401) when it carries
   * none this LMS issued, or 403 when the token lacks `scope`.
   */
  authorized(request: IncomingMessage, response: ServerResponse, scope: string): boolean {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const token = this.tokens.get(bearer);
    if (!token) {
      sendJson(response, 401, { error: 'invalid_token' });
      return false;
    }
    if (!token.scopes.includes(scope)) {
      sendJson(response, 403, { error: 'insufficient_scope', error_description: scope });
      return false;
    }
    return true;
  }

  /** Answers the planned failure of `endpoint`, if one is planned. */
  answeredFailure(endpoint: ServiceEndpoint, response: ServerResponse): boolean {
    const failure = this.failures.get(endpoint);
    if (!failure) return false;
    if (failure.times !== undefined) {
      if (failure.times <= 1) this.failures.delete(endpoint);
      else this.failures.set(endpoint, { ...failure, times: failure.times - 1 });
    }
    response.statusCode = failure.status;
    response.setHeader('content-type', failure.contentType ?? 'application/json');
    response.end(failure.body);
    return true;
  }

  /** The client credentials grant with a JWT assertion (1EdTech Security Framework 1.0, 4.1). */
  private async issueToken(body: string, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(body);
    const refuse = (error: string, description: string) => {
      sendJson(response, error === 'invalid_client' ? 401 : 400, {
        error,
        error_description: description,
      });
    };
    if (form.get('grant_type') !== 'client_credentials') {
      refuse('unsupported_grant_type', `grant_type is ${form.get('grant_type') ?? 'missing'}`);
      return;
    }
    if (
      form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    ) {
      refuse('invalid_request', 'client_assertion_type is not jwt-bearer');
      return;
    }
    if (!this.toolJwksUrl) throw new Error('the test LMS does not know the tool’s key set');
    if (this.keySet?.url !== this.toolJwksUrl) {
      this.keySet = {
        url: this.toolJwksUrl,
        keys: createRemoteJWKSet(new URL(this.toolJwksUrl), { cooldownDuration: 0 }),
      };
    }
    let jti: unknown;
    try {
      const { payload } = await jwtVerify(form.get('client_assertion') ?? '', this.keySet.keys, {
        issuer: this.clientId,
        subject: this.clientId,
        audience: this.tokenUrl(),
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'jti'],
        maxTokenAge: '10 minutes',
      });
      jti = payload.jti;
    } catch (error) {
      if (!(error instanceof errors.JOSEError)) throw error;
      refuse(
        'invalid_client',
        `the client assertion does not check: ${error.code} ${error.message}`,
      );
      return;
    }
    if (typeof jti !== 'string' || this.spentJtis.has(jti)) {
      refuse('invalid_client', 'the client assertion’s jti was used before');
      return;
    }
    this.spentJtis.add(jti);
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0) {
      refuse('invalid_scope', 'no scope was asked for');
      return;
    }
    const accessToken = randomUUID();
    const issued = { scopes };
    this.tokens.set(accessToken, issued);
    this.issuedTokens.push(issued);
    sendJson(response, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: scopes.join(' '),
    });
  }
}
