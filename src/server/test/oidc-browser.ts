import { createServer } from 'node:net';
import { ApiClient } from './api-client';
import { CookieJar } from './cookie-jar';

/** A port nothing listens on now (the app's, known before the provider registers its callback). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port to listen on');
  return address.port;
}

export interface PageAnswer {
  readonly status: number;
  readonly location: string | null;
  readonly text: string;
}

/**
 * One browser for the OIDC API tests: cookies for the app (shared with an ApiClient, for the
 * JSON calls after signing in) and for the provider, kept apart as a browser keeps sites apart;
 * redirects are followed by hand so a test can stop at the provider's answer.
 */
export class OidcBrowser {
  private readonly appCookies = new CookieJar();
  private readonly providerCookies = new CookieJar();
  readonly api: ApiClient;

  constructor(
    private readonly appUrl: string,
    private readonly providerUrl: string,
  ) {
    this.api = new ApiClient(appUrl, this.appCookies);
  }

  /** One request, no redirect followed, with the cookies of the site it goes to. */
  async go(url: string, form?: Record<string, string>): Promise<PageAnswer> {
    const target = new URL(url, this.appUrl);
    const jar =
      target.origin === new URL(this.providerUrl).origin ? this.providerCookies : this.appCookies;
    const headers: Record<string, string> = {};
    const cookie = jar.header(target.pathname);
    if (cookie) headers.cookie = cookie;
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, {
      method: form ? 'POST' : 'GET',
      headers,
      redirect: 'manual',
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    jar.keep(response.headers.getSetCookie());
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location === null ? null : new URL(location, target).href,
      text: await response.text(),
    };
  }

  /** Follows redirects while they stay at the provider; returns the last answer. */
  private async followAtProvider(first: PageAnswer): Promise<PageAnswer> {
    let answer = first;
    for (let hops = 0; hops < 10; hops += 1) {
      if (!answer.location?.startsWith(this.providerUrl)) return answer;
      answer = await this.go(answer.location);
    }
    throw new Error('too many redirects at the provider');
  }

  /**
   * Presses the app's button and signs in at the provider as `email` (or cancels there);
   * returns the address the provider sends the browser back to, not visited yet.
   */
  async signInAtProvider(
    providerId: string,
    email: string,
    options: { readonly cancel?: boolean } = {},
  ): Promise<string> {
    const start = await this.go(`/api/auth/oidc/${providerId}/start`);
    if (start.status !== 302 || !start.location) {
      throw new Error(`the start did not redirect: ${start.status} ${start.text}`);
    }
    const loginPage = await this.followAtProvider(start);
    // Signed in at the provider already (an earlier round in this browser): straight back.
    if (loginPage.location?.startsWith(this.appUrl) && !options.cancel) return loginPage.location;
    const action = /action="(\/interaction\/[\w-]+)\/login"/.exec(loginPage.text)?.[1];
    if (!action) throw new Error(`no sign-in form at the provider: ${loginPage.text}`);
    const submitted = options.cancel
      ? await this.go(`${this.providerUrl}${action}/deny`, {})
      : await this.go(`${this.providerUrl}${action}/login`, { email });
    const back = await this.followAtProvider(submitted);
    if (!back.location?.startsWith(this.appUrl)) {
      throw new Error(`the provider did not send the browser back: ${back.status} ${back.text}`);
    }
    return back.location;
  }

  /** The whole round: button, provider, callback; the callback's answer. */
  async signIn(providerId: string, email: string): Promise<PageAnswer> {
    return this.go(await this.signInAtProvider(providerId, email));
  }
}
