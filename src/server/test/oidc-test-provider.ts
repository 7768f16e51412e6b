import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/** A person with an account at the test provider. */
export interface OidcTestUser {
  readonly sub: string;
  readonly email: string;
  readonly emailVerified: boolean;
  readonly name: string;
}

export interface OidcTestClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The app's callback: PUBLIC_URL/api/auth/oidc/oidc/callback. */
  readonly redirectUri: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

/** The sign-in page of the test provider: an e-mail field, Sign in, and Cancel (denies). */
function loginPage(uid: string, problem?: string): string {
  return page(
    'Test provider sign-in',
    `${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="email">E-mail</label> <input id="email" name="email" type="email" autocomplete="username" required>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${escape(uid)}/deny"><button type="submit">Cancel</button></form>`,
  );
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real OpenID provider (oidc-provider, the certified server library) on a free loopback port,
 * for API and e2e tests: one confidential client, users the test adds, a sign-in page of its
 * own (consent is granted at once). Nothing is fetched from outside.
 */
export class OidcTestProvider {
  private readonly users = new Map<string, OidcTestUser>();

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    readonly provider: Provider,
  ) {}

  static async start(client: OidcTestClient, port = 0): Promise<OidcTestProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let self: OidcTestProvider | null = null;
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const configuration: Configuration = {
      jwks: { keys: [{ ...(await exportJWK(privateKey)), use: 'sig', alg: 'RS256' }] },
      clients: [
        {
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: [client.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: ['test-provider-cookie-key-0123456789'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const user = self?.userBySub(sub);
        if (!user) return undefined;
        return {
          accountId: sub,
          claims: () => ({
            sub,
            email: user.email,
            email_verified: user.emailVerified,
            name: user.name,
          }),
        };
      },
      // Consent is granted at once: the tests are about the app's side of the flow.
      loadExistingGrant: async (ctx) => {
        const accountId = ctx.oidc.session?.accountId;
        const clientId = ctx.oidc.client?.clientId;
        if (!accountId || !clientId) return undefined;
        const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
        grant.addOIDCScope('openid email profile');
        await grant.save();
        return grant;
      },
    };
    const provider = new Provider(issuer, configuration);
    self = new OidcTestProvider(server, issuer, provider);
    const oidcHandler = provider.callback();
    const test = self;
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const match = /^\/interaction\/([\w-]+)(?:\/(login|deny))?$/.exec(request.url ?? '');
      if (!match) {
        void oidcHandler(request, response);
        return;
      }
      test.interact(request, response, match[1] ?? '', match[2]).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
    return self;
  }

  addUser(user: OidcTestUser): void {
    this.users.set(user.email.toLowerCase(), user);
  }

  private userBySub(sub: string): OidcTestUser | undefined {
    return [...this.users.values()].find((user) => user.sub === sub);
  }

  private async interact(
    request: IncomingMessage,
    response: ServerResponse,
    uid: string,
    action: string | undefined,
  ): Promise<void> {
    if (request.method === 'GET') {
      await this.provider.interactionDetails(request, response);
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(loginPage(uid));
      return;
    }
    const form = await formOf(request);
    if (action === 'deny') {
      await this.provider.interactionFinished(request, response, {
        error: 'access_denied',
        error_description: 'The user cancelled the sign-in.',
      });
      return;
    }
    const user = this.users.get((form.get('email') ?? '').toLowerCase());
    if (!user) {
      response.statusCode = 200;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(loginPage(uid, 'No such account at the test provider.'));
      return;
    }
    await this.provider.interactionFinished(
      request,
      response,
      { login: { accountId: user.sub } },
      { mergeWithLastSubmission: false },
    );
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
