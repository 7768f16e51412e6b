import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServerConfig } from '../config';
import { adminOn } from './admin-fixtures';
import { ApiClient, errorOf } from './api-client';
import { freePort, OidcBrowser } from './oidc-browser';
import { OidcTestProvider } from './oidc-test-provider';
import { describeEachStorage, useTestServer } from './use-test-server';

const CLIENT = { clientId: 'article-discussion', clientSecret: 'test-client-secret-0123456789' };

/** A provider and an app that trusts it; `host` other than loopback closes sign-up (placeholder policy). */
function useAppWithProvider(
  kind: Parameters<typeof useTestServer>[0],
  signUp: ServerConfig['signUp'] = { isOpen: true, domains: [] },
) {
  let provider: OidcTestProvider | undefined;
  let overrides: Partial<ServerConfig> = {};
  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    provider = await OidcTestProvider.start({
      ...CLIENT,
      redirectUri: `${publicUrl}/api/auth/oidc/oidc/callback`,
    });
    overrides = {
      port,
      signUp,
      publicUrl,
      oidcProviders: [
        { id: 'oidc', kind: 'generic', name: 'Test ID', issuer: provider.issuer, ...CLIENT },
      ],
    };
  });
  afterAll(async () => {
    await provider?.close();
  });
  const ctx = useTestServer(kind, () => overrides);
  return {
    ctx,
    get provider() {
      if (!provider) throw new Error('the provider starts in beforeAll');
      return provider;
    },
    browser: () => new OidcBrowser(ctx.server.baseUrl, provider?.issuer ?? ''),
  };
}

describeEachStorage('sign-in with an OpenID provider on %s', (kind) => {
  const setup = useAppWithProvider(kind);

  it('lists the provider for the buttons', async () => {
    const answer = await new ApiClient(setup.ctx.server.baseUrl).get('/api/auth/oidc/providers');
    expect(answer.body).toEqual({ providers: [{ id: 'oidc', name: 'Test ID' }] });
  });

  it('opens an account at the first sign-in and finds it at the next', async () => {
    setup.provider.addUser({
      sub: 'sub-ada',
      email: 'ada@school.example',
      emailVerified: true,
      name: 'Ada Lovelace',
    });
    const first = setup.browser();
    const landed = await first.signIn('oidc', 'ada@school.example');
    expect(landed.status).toBe(302);
    expect(new URL(landed.location ?? '').pathname).toBe('/teach');
    const me = await first.api.get<{ teacher: { id: string; email: string; name: string } }>(
      '/api/auth/me',
    );
    expect(me.status).toBe(200);
    expect(me.body.teacher).toMatchObject({ email: 'ada@school.example', name: 'Ada Lovelace' });
    expect((await first.api.get('/api/auth/account')).body).toEqual({ signsInWith: 'oidc' });

    const second = setup.browser();
    expect((await second.signIn('oidc', 'ada@school.example')).status).toBe(302);
    const again = await second.api.get<{ teacher: { id: string } }>('/api/auth/me');
    expect(again.body.teacher.id).toBe(me.body.teacher.id);

    // No password was set: password sign-in does not open the account.
    const byPassword = await new ApiClient(setup.ctx.server.baseUrl).post('/api/auth/sign-in', {
      email: 'ada@school.example',
      password: 'any password at all',
    });
    expect(byPassword.status).toBe(401);
  });

  it('links an existing account whose e-mail the provider verified', async () => {
    const owner = new ApiClient(setup.ctx.server.baseUrl);
    const made = await owner.post<{ teacher: { id: string } }>('/api/auth/sign-up', {
      email: 'bo@school.example',
      name: 'Bo',
      password: 'correct horse battery',
    });
    setup.provider.addUser({
      sub: 'sub-bo',
      email: 'Bo@School.example',
      emailVerified: true,
      name: 'Bo B.',
    });
    const browser = setup.browser();
    expect((await browser.signIn('oidc', 'bo@school.example')).status).toBe(302);
    const me = await browser.api.get<{ teacher: { id: string; name: string } }>('/api/auth/me');
    expect(me.body.teacher).toEqual(
      expect.objectContaining({ id: made.body.teacher.id, name: 'Bo' }),
    );
    expect((await browser.api.get('/api/auth/account')).body).toEqual({ signsInWith: 'password' });
  });

  it('neither links nor opens an account for an e-mail the provider did not verify', async () => {
    await new ApiClient(setup.ctx.server.baseUrl).post('/api/auth/sign-up', {
      email: 'cy@school.example',
      name: 'Cy',
      password: 'correct horse battery',
    });
    setup.provider.addUser({
      sub: 'sub-cy',
      email: 'cy@school.example',
      emailVerified: false,
      name: 'Cy',
    });
    setup.provider.addUser({
      sub: 'sub-dee',
      email: 'dee@school.example',
      emailVerified: false,
      name: 'Dee',
    });
    for (const email of ['cy@school.example', 'dee@school.example']) {
      const browser = setup.browser();
      const refused = await browser.signIn('oidc', email);
      expect(refused.status).toBe(403);
      expect(refused.text).toContain(
        'did not confirm that the e-mail address of this account is yours',
      );
      expect(refused.text).toContain('<a href="/teach">Back to sign-in</a>');
      expect((await browser.api.get('/api/auth/me')).status).toBe(401);
    }
  });

  it('refuses a callback with another state, and a callback replayed', async () => {
    setup.provider.addUser({
      sub: 'sub-eve',
      email: 'eve@school.example',
      emailVerified: true,
      name: 'Eve',
    });
    const browser = setup.browser();
    const callback = new URL(await browser.signInAtProvider('oidc', 'eve@school.example'));
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'not-the-state');
    const wrong = await browser.go(tampered.href);
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('was not started in this browser');

    // The wrong try cleared this browser's state cookie: a fresh start, used once, then replayed.
    const fresh = await browser.signInAtProvider('oidc', 'eve@school.example');
    const used = await browser.go(fresh);
    expect(used.status).toBe(302);
    const replayed = await browser.go(fresh);
    expect(replayed.status).toBe(400);
    expect(replayed.text).toMatch(/already used/);
  });

  it('says so when the teacher cancels at the provider', async () => {
    setup.provider.addUser({
      sub: 'sub-fay',
      email: 'fay@school.example',
      emailVerified: true,
      name: 'Fay',
    });
    const browser = setup.browser();
    const back = await browser.signInAtProvider('oidc', 'fay@school.example', { cancel: true });
    expect(new URL(back).searchParams.get('error')).toBe('access_denied');
    const page = await browser.go(back);
    expect(page.status).toBe(403);
    expect(page.text).toContain('You did not allow Test ID to sign you in here');
    expect((await browser.api.get('/api/auth/me')).status).toBe(401);
  });

  it('answers a page, not JSON, for an unknown provider', async () => {
    const page = await setup.browser().go('/api/auth/oidc/nobody/start');
    expect(page.status).toBe(404);
    expect(page.text).toContain('This server does not sign in with');
  });
});

describeEachStorage('sign-in with an OpenID provider, sign-up closed, on %s', (kind) => {
  const setup = useAppWithProvider(kind, { isOpen: false, domains: [] });

  it('refuses to open a new account, on a page saying why', async () => {
    setup.provider.addUser({
      sub: 'sub-gus',
      email: 'gus@school.example',
      emailVerified: true,
      name: 'Gus',
    });
    const browser = setup.browser();
    const refused = await browser.signIn('oidc', 'gus@school.example');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Sign-up on this server is by invitation only');
    const me = await browser.api.get('/api/auth/me');
    expect(errorOf(me).code).toBe('not_signed_in');
  });

  it('opens the account of an address an administrator invited', async () => {
    const { client: admin } = await adminOn(setup.ctx.server);
    const invited = await admin.post('/api/admin/invitations', { email: 'Hedy@School.example' });
    expect(invited.status).toBe(201);
    setup.provider.addUser({
      sub: 'sub-hedy',
      email: 'hedy@school.example',
      emailVerified: true,
      name: 'Hedy Lamarr',
    });
    const browser = setup.browser();

    const signedIn = await browser.signIn('oidc', 'hedy@school.example');

    expect(signedIn.status).toBe(302);
    const me = await browser.api.get<{ teacher: { email: string; name: string } }>('/api/auth/me');
    expect(me.body.teacher).toMatchObject({ email: 'hedy@school.example', name: 'Hedy Lamarr' });
  });
});

describeEachStorage(
  'sign-in with a provider that is down, on %s',
  { kinds: ['pglite'] },
  (kind) => {
    const ctx = useTestServer(kind, {
      publicUrl: 'http://127.0.0.1:9',
      oidcProviders: [
        // Port 9 (discard): nothing answers there.
        { id: 'oidc', kind: 'generic', name: 'Test ID', issuer: 'http://127.0.0.1:9', ...CLIENT },
      ],
    });

    it('ends on a page saying the provider could not be reached', async () => {
      const page = await new OidcBrowser(ctx.server.baseUrl, 'http://127.0.0.1:9').go(
        '/api/auth/oidc/oidc/start',
      );
      expect(page.status).toBe(502);
      expect(page.text).toContain('Test ID could not be reached to sign you in');
    });
  },
);
