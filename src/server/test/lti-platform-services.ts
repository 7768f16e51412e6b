import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

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

  constructor(
    private readonly clientId: string,
    private readonly tokenUrl: () => string,
  ) {}

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
    return false;
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
