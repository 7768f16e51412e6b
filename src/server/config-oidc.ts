/**
 * Sign-in by OpenID Connect (issue 25): Google, Microsoft and one generic provider, each set up
 * by its environment variables. A provider with some of its variables but not all is refused at
 * start, naming what is missing; any provider needs PUBLIC_URL, which its redirect URI is made of.
 */

/** Which button a provider gets and how its e-mail is trusted (see services/oidc-sign-in.ts). */
export type OidcProviderKind = 'google' | 'microsoft' | 'generic';

export interface OidcProviderSetting {
  /** In the paths: /api/auth/oidc/<id>/start. */
  readonly id: 'google' | 'microsoft' | 'oidc';
  readonly kind: OidcProviderKind;
  /** Shown on the button: "Sign in with <name>". */
  readonly name: string;
  /** Where discovery starts (/.well-known/openid-configuration under it). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

const GOOGLE_ISSUER = 'https://accounts.google.com';
/** A tenant id (a GUID), a verified domain, or organizations / common / consumers. */
const TENANT_PATTERN = /^[A-Za-z0-9.-]{1,100}$/;

type Env = Readonly<Record<string, string | undefined>>;

const valueOf = (env: Env, name: string) => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** The provider's variables: all set (the values), none (null), or the refusal naming the missing. */
function allOrNone(
  env: Env,
  label: string,
  required: readonly string[],
): Record<string, string> | null | string {
  const values = Object.fromEntries(
    required.flatMap((name) => {
      const value = valueOf(env, name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  const missing = required.filter((name) => !(name in values));
  if (missing.length === required.length) return null;
  if (missing.length > 0) {
    return `${label} sign-in needs ${required.join(', ')}; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`;
  }
  return values;
}

function isHttpsUrl(value: string, allowHttpLoopback: boolean): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return (
      allowHttpLoopback &&
      url.protocol === 'http:' &&
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
    );
  } catch {
    return false;
  }
}

/**
 * Reads the OIDC_* variables. Returns the configured providers, or throws naming every problem.
 * A generic issuer may be plain http only on loopback (the tests' provider).
 */
export function readOidcProviders(
  env: Env,
  publicUrl: string | undefined,
): readonly OidcProviderSetting[] {
  const problems: string[] = [];
  const providers: OidcProviderSetting[] = [];

  const google = allOrNone(env, 'Google', ['OIDC_GOOGLE_CLIENT_ID', 'OIDC_GOOGLE_CLIENT_SECRET']);
  if (typeof google === 'string') problems.push(google);
  else if (google) {
    providers.push({
      id: 'google',
      kind: 'google',
      name: 'Google',
      issuer: GOOGLE_ISSUER,
      clientId: google.OIDC_GOOGLE_CLIENT_ID ?? '',
      clientSecret: google.OIDC_GOOGLE_CLIENT_SECRET ?? '',
    });
  }

  const microsoft = allOrNone(env, 'Microsoft', [
    'OIDC_MICROSOFT_CLIENT_ID',
    'OIDC_MICROSOFT_CLIENT_SECRET',
  ]);
  const tenant = valueOf(env, 'OIDC_MICROSOFT_TENANT');
  if (typeof microsoft === 'string') problems.push(microsoft);
  else if (microsoft) {
    const chosen = tenant ?? 'organizations';
    if (!TENANT_PATTERN.test(chosen)) {
      problems.push(
        `OIDC_MICROSOFT_TENANT must be a tenant id, a domain, or organizations, not ${JSON.stringify(chosen)}`,
      );
    } else {
      providers.push({
        id: 'microsoft',
        kind: 'microsoft',
        name: 'Microsoft',
        issuer: `https://login.microsoftonline.com/${chosen}/v2.0`,
        clientId: microsoft.OIDC_MICROSOFT_CLIENT_ID ?? '',
        clientSecret: microsoft.OIDC_MICROSOFT_CLIENT_SECRET ?? '',
      });
    }
  } else if (tenant !== undefined) {
    problems.push(
      'OIDC_MICROSOFT_TENANT is set but OIDC_MICROSOFT_CLIENT_ID and OIDC_MICROSOFT_CLIENT_SECRET are not',
    );
  }

  const generic = allOrNone(env, 'OpenID Connect', [
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_NAME',
  ]);
  if (typeof generic === 'string') problems.push(generic);
  else if (generic) {
    const issuer = generic.OIDC_ISSUER ?? '';
    if (!isHttpsUrl(issuer, true)) {
      problems.push(
        `OIDC_ISSUER must be an https:// address (http:// only on 127.0.0.1 or localhost), not ${JSON.stringify(issuer)}`,
      );
    } else if ((generic.OIDC_NAME ?? '').length > 40) {
      problems.push('OIDC_NAME is shown on a button: at most 40 characters');
    } else {
      providers.push({
        id: 'oidc',
        kind: 'generic',
        name: generic.OIDC_NAME ?? '',
        issuer,
        clientId: generic.OIDC_CLIENT_ID ?? '',
        clientSecret: generic.OIDC_CLIENT_SECRET ?? '',
      });
    }
  }

  if (providers.length > 0 && problems.length === 0 && publicUrl === undefined) {
    problems.push(
      `sign-in with ${providers.map((p) => p.name).join(', ')} needs PUBLIC_URL: the redirect URI registered with the provider is PUBLIC_URL/api/auth/oidc/<provider>/callback`,
    );
  }
  if (problems.length > 0) {
    throw new Error(
      `The server's environment is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return providers;
}

/** The redirect URI a provider is registered with (README, "Signing in with Google or Microsoft"). */
export function oidcRedirectUri(publicUrl: string, providerId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/auth/oidc/${providerId}/callback`;
}
