import { expect, it } from 'vitest';
import { ApiClient, errorOf } from './api-client';
import { describeWithServer } from './use-test-server';

describeWithServer('teacher accounts on %s', (ctx) => {
  it('answers health with the storage kind', async () => {
    const response = await new ApiClient(ctx.server.baseUrl).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', storage: ctx.kind });
  });

  it('signs up, reads itself, signs out and back in', async () => {
    const teacher = new ApiClient(ctx.server.baseUrl);
    const signUp = await teacher.post('/api/auth/sign-up', {
      email: 'Ada@School.example',
      name: 'Ada',
      password: 'correct horse battery',
    });
    expect(signUp.status).toBe(201);
    expect(signUp.headers.getSetCookie().join(';')).toMatch(/sid=.*HttpOnly.*SameSite=Lax/i);
    expect((await teacher.get('/api/auth/me')).body).toMatchObject({ teacher: { name: 'Ada' } });

    expect((await teacher.post('/api/auth/sign-out')).status).toBe(204);
    const after = await teacher.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(errorOf(after).code).toBe('not_signed_in');

    const signIn = await teacher.post('/api/auth/sign-in', {
      email: 'ada@school.example',
      password: 'correct horse battery',
    });
    expect(signIn.status).toBe(200);
    expect((await teacher.get('/api/auth/me')).status).toBe(200);
  });

  it('says who is signed in, 200 with nobody too, so a signed-out page logs no error', async () => {
    const client = new ApiClient(ctx.server.baseUrl);
    const nobody = await client.get('/api/auth/session');
    expect(nobody.status).toBe(200);
    expect(nobody.body).toEqual({ teacher: null });
    await client.post('/api/auth/sign-up', {
      email: 'dee@school.example',
      name: 'Dee',
      password: 'correct horse battery',
    });
    expect((await client.get('/api/auth/session')).body).toEqual({
      teacher: { id: expect.any(String) as unknown, email: 'dee@school.example', name: 'Dee' },
    });
    await client.post('/api/auth/sign-out');
    expect((await client.get('/api/auth/session')).body).toEqual({ teacher: null });
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    const client = new ApiClient(ctx.server.baseUrl);
    await client.post('/api/auth/sign-up', {
      email: 'bo@school.example',
      name: 'Bo',
      password: 'long enough pw',
    });
    const wrongPassword = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
      email: 'bo@school.example',
      password: 'not the password',
    });
    const unknown = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
      email: 'nobody@school.example',
      password: 'not the password',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(errorOf(wrongPassword)).toEqual(errorOf(unknown));
    expect(errorOf(unknown).message).toBe('Wrong e-mail or password.');
  });

  it('refuses a taken e-mail without creating a second account', async () => {
    const first = new ApiClient(ctx.server.baseUrl);
    await first.post('/api/auth/sign-up', {
      email: 'cy@school.example',
      name: 'Cy',
      password: 'first password',
    });
    const second = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up', {
      email: 'CY@school.example',
      name: 'Impostor',
      password: 'other password',
    });
    expect(second.status).toBe(409);
    expect(errorOf(second)).toMatchObject({ code: 'account_unavailable', field: 'email' });
    // The first account still signs in with its own password.
    const signIn = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
      email: 'cy@school.example',
      password: 'first password',
    });
    expect(signIn.body).toMatchObject({ teacher: { name: 'Cy' } });
  });

  it('names the bad field of a sign-up', async () => {
    const response = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up', {
      email: 'not-an-address',
      name: 'Di',
      password: 'long enough pw',
    });
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: 'invalid_input', field: 'email' });
    const short = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up', {
      email: 'di@school.example',
      name: 'Di',
      password: 'short',
    });
    expect(errorOf(short)).toMatchObject({
      field: 'password',
      message: 'password: password must be at least 8 characters',
    });
  });

  it('refuses a write without the CSRF token', async () => {
    const response = await fetch(`${ctx.server.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.example', password: 'whatever1' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
  });
});

describeWithServer(
  'the CSRF cookie over HTTPS on %s',
  { config: { trustProxy: ['127.0.0.1'] } },
  (ctx) => {
    const send = (method: string, path: string, headers: Record<string, string>) =>
      fetch(`${ctx.server.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(method === 'GET'
          ? {}
          : { body: JSON.stringify({ email: 'a@b.example', password: 'x' }) }),
      });
    const overHttps = { 'x-forwarded-proto': 'https' };

    it('is __Host-csrf (Secure, Path=/, no Domain) over HTTPS, and only that name counts there', async () => {
      const first = await send('GET', '/api/csrf', overHttps);
      const [cookie = ''] = first.headers.getSetCookie();
      expect(cookie).toMatch(/^__Host-csrf=[^;]+; Path=\/; Secure; SameSite=Strict$/);
      const value = cookie.slice('__Host-csrf='.length, cookie.indexOf(';'));
      expect(((await first.json()) as { token: string }).token).toBe(decodeURIComponent(value));

      // The token passes the check (the sign-in then fails on the password, not on CSRF)...
      const token = decodeURIComponent(value);
      const signIn = await send('POST', '/api/auth/sign-in', {
        ...overHttps,
        cookie: `__Host-csrf=${value}`,
        'x-csrf-token': token,
      });
      expect(signIn.status).toBe(401);
      // ...but not as a plain `csrf` cookie, which a neighbouring subdomain could have set.
      const planted = await send('POST', '/api/auth/sign-in', {
        ...overHttps,
        cookie: `csrf=${value}`,
        'x-csrf-token': token,
      });
      expect(planted.status).toBe(403);
      expect(((await planted.json()) as { error: { code: string } }).error.code).toBe(
        'csrf_failed',
      );
    });

    it('keeps the plain csrf name over HTTP, where a __Host- cookie cannot be set', async () => {
      const [cookie = ''] = (await send('GET', '/api/csrf', {})).headers.getSetCookie();
      expect(cookie).toMatch(/^csrf=[^;]+; Path=\/; SameSite=Strict$/);
    });
  },
);
