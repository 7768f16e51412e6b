import * as oidc from 'openid-client';
import type { Teacher } from '#domain/api/live-contracts';
import type { OidcProviderSetting } from '../config-oidc';
import { oidcRedirectUri } from '../config-oidc';
import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import { hashToken } from '../lib/secrets';
import { findTeacherByEmail } from '../repositories/teachers.repository';
import {
  createPasswordlessTeacher,
  findTeacherByOidcIdentity,
  insertOidcLogin,
  linkOidcIdentity,
  takeOidcLogin,
} from '../repositories/oidc.repository';
import { requireSignUpAllowed } from './sign-up-policy';

/** How long a teacher may take at the provider's pages. */
export const OIDC_LOGIN_TTL_SECONDS = 600;

/** A sign-in that ends on a page for the teacher: the status and what to tell them. */
export class OidcRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'OidcRefusal';
  }
}

const START_AGAIN = 'Go back to the sign-in page and start again.';

/** The claims of an ID token this app reads. */
interface IdentityClaims {
  readonly iss: string;
  readonly sub: string;
  readonly email?: unknown;
  readonly email_verified?: unknown;
  /** Microsoft's optional claim: the e-mail's domain is owned by the tenant ("domain owner verified"). */
  readonly xms_edov?: unknown;
  readonly name?: unknown;
}

/**
 * Whether the provider vouches for the e-mail. Google and a generic provider say so with
 * `email_verified: true`. Microsoft Entra ID does not send `email_verified`; its `email` claim
 * is whatever the tenant typed, so it counts only with the optional claim `xms_edov: true` (the
 * e-mail's domain is verified by the tenant that issued it), which the app registration must ask
 * for (README, "Signing in with Google or Microsoft").
 */
export function isEmailVerified(provider: OidcProviderSetting, claims: IdentityClaims): boolean {
  if (typeof claims.email !== 'string' || claims.email === '') return false;
  if (provider.kind === 'microsoft') {
    return claims.xms_edov === true || claims.xms_edov === '1' || claims.xms_edov === 1;
  }
  return claims.email_verified === true || claims.email_verified === 'true';
}

function nameOf(claims: IdentityClaims, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 100) : '';
  return name || email.split('@')[0] || email;
}

/** Is the failure the provider not answering (down, unreachable), rather than a refusal? */
function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'ECONNREFUSED';
}

/**
 * Sign-in with an OpenID provider (openid-client): the authorization code flow with PKCE, state
 * and nonce kept server-side, one-time; then the teacher linked to the provider's account, the
 * account with the same verified e-mail, or a new one where sign-up is allowed.
 */
export class OidcSignIn {
  private readonly discovered = new Map<string, Promise<oidc.Configuration>>();

  constructor(
    private readonly db: Database,
    private readonly config: ServerConfig,
  ) {}

  /** The providers set up, for the sign-in buttons. */
  get providers(): readonly { readonly id: string; readonly name: string }[] {
    return this.config.oidcProviders.map(({ id, name }) => ({ id, name }));
  }

  private providerOf(id: string): OidcProviderSetting {
    const provider = this.config.oidcProviders.find((p) => p.id === id);
    if (!provider) {
      throw new OidcRefusal(404, `This server does not sign in with "${id}". ${START_AGAIN}`);
    }
    return provider;
  }

  private redirectUri(provider: OidcProviderSetting): string {
    return oidcRedirectUri(this.config.publicUrl ?? '', provider.id);
  }

  /** The provider's metadata, fetched once (again after a failure). */
  private configurationOf(provider: OidcProviderSetting): Promise<oidc.Configuration> {
    let found = this.discovered.get(provider.id);
    if (!found) {
      const isPlainHttp = new URL(provider.issuer).protocol === 'http:';
      found = oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        provider.clientSecret,
        undefined,
        // Plain HTTP only for an issuer on loopback (config-oidc.ts refuses it elsewhere): the
        // provider the tests start.
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated to stand out only
        isPlainHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
      this.discovered.set(provider.id, found);
      found.catch(() => this.discovered.delete(provider.id));
    }
    return found.catch((error: unknown) => {
      throw new OidcRefusal(
        502,
        `${provider.name} could not be reached to sign you in. Try again in a minute, or sign in with your password.`,
        { cause: error },
      );
    });
  }

  /** Starts a sign-in: the state (for the browser's cookie) and the provider's address to go to. */
  async start(providerId: string): Promise<{ state: string; redirectUrl: string }> {
    const provider = this.providerOf(providerId);
    const configuration = await this.configurationOf(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await insertOidcLogin(this.db, hashToken(state), {
      provider: provider.id,
      codeVerifier,
      nonce,
      expiresAt: new Date(Date.now() + OIDC_LOGIN_TTL_SECONDS * 1000),
    });
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(provider),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Google and Microsoft let a teacher with two accounts (school, personal) pick one.
      ...(provider.kind === 'generic' ? {} : { prompt: 'select_account' }),
    });
    return { state, redirectUrl: url.href };
  }

  /**
   * The provider sent the browser back: `query` is the callback's query string, `browserState`
   * the state this browser's cookie holds. Returns the teacher to sign in.
   */
  async finish(
    providerId: string,
    query: Readonly<Record<string, string>>,
    browserState: string | null,
  ): Promise<Teacher> {
    const provider = this.providerOf(providerId);
    const state = query.state ?? '';
    if (!state || browserState !== state) {
      throw new OidcRefusal(
        400,
        `This sign-in was not started in this browser, or it was already used. ${START_AGAIN}`,
      );
    }
    const login = await takeOidcLogin(this.db, hashToken(state));
    if (login?.provider !== provider.id) {
      throw new OidcRefusal(400, `This sign-in was already used. ${START_AGAIN}`);
    }
    if (login.expiresAt.getTime() < Date.now()) {
      throw new OidcRefusal(400, `This sign-in took too long and expired. ${START_AGAIN}`);
    }
    if (query.error !== undefined) {
      const denied = query.error === 'access_denied';
      throw new OidcRefusal(
        denied ? 403 : 400,
        denied
          ? `You did not allow ${provider.name} to sign you in here, so you are not signed in.`
          : `${provider.name} refused the sign-in (${query.error}). ${START_AGAIN}`,
      );
    }
    const configuration = await this.configurationOf(provider);
    const callbackUrl = new URL(this.redirectUri(provider));
    for (const [name, value] of Object.entries(query)) callbackUrl.searchParams.set(name, value);
    let claims: IdentityClaims;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const found = tokens.claims();
      if (!found) throw new Error('no ID token');
      claims = found;
      if (claims.email === undefined) {
        // A provider may keep the e-mail for its userinfo endpoint (the ID token names the sub).
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        claims = { ...info, iss: claims.iss, sub: claims.sub };
      }
    } catch (error) {
      if (isUnreachable(error)) {
        throw new OidcRefusal(
          502,
          `${provider.name} could not be reached to finish signing you in. ${START_AGAIN}`,
          { cause: error },
        );
      }
      throw new OidcRefusal(
        400,
        `${provider.name}'s answer could not be checked, so you are not signed in. ${START_AGAIN}`,
        { cause: error },
      );
    }
    return this.teacherFor(provider, claims);
  }

  private async teacherFor(
    provider: OidcProviderSetting,
    claims: IdentityClaims,
  ): Promise<Teacher> {
    const linked = await findTeacherByOidcIdentity(this.db, claims.iss, claims.sub);
    if (linked) return linked;
    if (!isEmailVerified(provider, claims) || typeof claims.email !== 'string') {
      throw new OidcRefusal(
        403,
        `${provider.name} did not confirm that the e-mail address of this account is yours, so it cannot sign you in here. Sign in with your password, or ask whoever runs your ${provider.name} accounts.`,
      );
    }
    const email = claims.email;
    const existing = await findTeacherByEmail(this.db, email);
    if (existing) {
      await linkOidcIdentity(this.db, existing.id, claims.iss, claims.sub);
      return { id: existing.id, email: existing.email, name: existing.name };
    }
    await requireSignUpAllowed(this.db, this.config, email);
    return this.db.transaction(async (tx) => {
      const made = await createPasswordlessTeacher(tx, { email, name: nameOf(claims, email) });
      if (!made)
        throw new OidcRefusal(409, `An account for ${email} exists already. ${START_AGAIN}`);
      await linkOidcIdentity(tx, made.id, claims.iss, claims.sub);
      return made;
    });
  }
}
