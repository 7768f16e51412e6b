import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ForgotPasswordResponse } from '#domain/api/account-contracts';
import { createPasswordResetLink } from '../services/password-reset';
import { hashPassword, hashToken } from '../lib/secrets';
import { createTeacher } from '../repositories/teachers.repository';
import { ApiClient, errorOf } from './api-client';
import { useServerWithMail } from './smtp-test-server';
import { describeEachStorage, describeWithServer } from './use-test-server';

const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new passphrase';

async function signUp(
  baseUrl: string,
  name: string,
): Promise<{ client: ApiClient; email: string }> {
  const client = new ApiClient(baseUrl);
  const email = `${name.toLowerCase()}-${randomUUID()}@school.example`;
  const response = await client.post('/api/auth/sign-up', { email, name, password: OLD_PASSWORD });
  if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  return { client, email };
}

const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

describeWithServer('password reset links on %s', (ctx) => {
  const linkFor = async (email: string) => {
    const link = await createPasswordResetLink(ctx.server.db, email, ctx.server.baseUrl);
    if (!link) throw new Error(`no link for ${email}`);
    return link;
  };

  it('works once: sets the password, signs in and ends every other sign-in', async () => {
    const { client: first, email } = await signUp(ctx.server.baseUrl, 'Ada');
    const second = new ApiClient(ctx.server.baseUrl);
    await second.post('/api/auth/sign-in', { email, password: OLD_PASSWORD });
    expect((await second.get('/api/auth/me')).status).toBe(200);

    // The e-mail's case does not matter; only the token's hash is stored.
    const link = await linkFor(email.toUpperCase());
    expect(link.url).toMatch(
      new RegExp(`^${ctx.server.baseUrl}/teach/reset-password\\?token=[\\w-]{40,}$`),
    );
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    const token = tokenOf(link.url);
    const { rows } = await ctx.server.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM password_resets',
    );
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(token));
    expect(rows.map((r) => r.token_hash)).not.toContain(token);

    const browser = new ApiClient(ctx.server.baseUrl);
    const check = await browser.post('/api/auth/reset-password/check', { token });
    expect(check.body).toEqual({ email });
    const reset = await browser.post('/api/auth/reset-password', { token, password: NEW_PASSWORD });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ teacher: { email, name: 'Ada' } });
    expect((await browser.get('/api/auth/me')).body).toMatchObject({ teacher: { email } });

    expect(errorOf(await first.get('/api/auth/me')).code).toBe('not_signed_in');
    expect(errorOf(await second.get('/api/auth/me')).code).toBe('not_signed_in');

    const again = await new ApiClient(ctx.server.baseUrl).post('/api/auth/reset-password', {
      token,
      password: 'yet another passphrase',
    });
    expect(again.status).toBe(400);
    expect(errorOf(again)).toMatchObject({ code: 'reset_link_invalid', field: 'token' });
    expect(errorOf(again).message).toMatch(/already been used/);

    const old = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
      email,
      password: OLD_PASSWORD,
    });
    expect(old.status).toBe(401);
    const fresh = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
      email,
      password: NEW_PASSWORD,
    });
    expect(fresh.status).toBe(200);
  });

  it('refuses an expired link and an unknown one, saying which', async () => {
    const { email } = await signUp(ctx.server.baseUrl, 'Bo');
    const token = tokenOf((await linkFor(email)).url);
    await ctx.server.db.query(
      "UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE token_hash = $1",
      [hashToken(token)],
    );
    const client = new ApiClient(ctx.server.baseUrl);
    const expired = await client.post('/api/auth/reset-password', {
      token,
      password: NEW_PASSWORD,
    });
    expect(expired.status).toBe(400);
    expect(errorOf(expired)).toMatchObject({ code: 'reset_link_invalid', field: 'token' });
    expect(errorOf(expired).message).toMatch(/has expired/);

    const unknown = await client.post('/api/auth/reset-password/check', { token: 'not-a-token' });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).message).toMatch(/is not valid/);
    const empty = await client.post('/api/auth/reset-password/check', { token: '' });
    expect(errorOf(empty)).toMatchObject({ code: 'invalid_input', field: 'token' });
    // Nobody was signed in by any of these.
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('holds a new password to the sign-up rules, and the link survives a refusal', async () => {
    const { email } = await signUp(ctx.server.baseUrl, 'Cy');
    const token = tokenOf((await linkFor(email)).url);
    const client = new ApiClient(ctx.server.baseUrl);
    const common = await client.post('/api/auth/reset-password', {
      token,
      password: 'Password123',
    });
    expect(errorOf(common)).toEqual({
      code: 'weak_password',
      message: 'This password is one of the most common ones; choose another.',
      field: 'password',
    });
    const short = await client.post('/api/auth/reset-password', { token, password: 'short' });
    expect(errorOf(short)).toMatchObject({ code: 'invalid_input', field: 'password' });
    const ownEmail = await client.post('/api/auth/reset-password', { token, password: email });
    expect(errorOf(ownEmail)).toMatchObject({ code: 'weak_password', field: 'password' });
    const good = await client.post('/api/auth/reset-password', { token, password: NEW_PASSWORD });
    expect(good.status).toBe(200);
  });

  it('ends the older links once a password is set, and makes none for an unknown e-mail', async () => {
    const { email } = await signUp(ctx.server.baseUrl, 'Di');
    const older = tokenOf((await linkFor(email)).url);
    const newer = tokenOf((await linkFor(email)).url);
    const client = new ApiClient(ctx.server.baseUrl);
    expect(
      (await client.post('/api/auth/reset-password', { token: newer, password: NEW_PASSWORD }))
        .status,
    ).toBe(200);
    const stale = await client.post('/api/auth/reset-password/check', { token: older });
    expect(errorOf(stale).code).toBe('reset_link_invalid');
    expect(
      await createPasswordResetLink(ctx.server.db, 'nobody@school.example', ctx.server.baseUrl),
    ).toBe(null);
  });
});

describeEachStorage('forgot password by e-mail on %s', (kind) => {
  const PUBLIC_URL = 'https://class.school.example';
  const { ctx, smtp } = useServerWithMail(kind, PUBLIC_URL);

  it('sends a working one-time link, answering the same whether or not the account exists', async () => {
    const options = await new ApiClient(ctx.server.baseUrl).get('/api/auth/password-reset');
    expect(options.body).toEqual({ isByEmail: true });
    // Signing up here sends a link of its own (see sign-up-by-email): the account is made directly.
    const email = `eli-${randomUUID()}@school.example`;
    await createTeacher(ctx.server.db, {
      email,
      name: 'Eli',
      passwordHash: await hashPassword(OLD_PASSWORD),
    });
    const client = new ApiClient(ctx.server.baseUrl);

    const forUnknown = await client.post<ForgotPasswordResponse>('/api/auth/forgot-password', {
      email: 'nobody@school.example',
    });
    const forKnown = await client.post<ForgotPasswordResponse>('/api/auth/forgot-password', {
      email: email.toUpperCase(),
    });
    expect(forKnown.status).toBe(202);
    expect(forUnknown.status).toBe(202);
    expect(forKnown.body).toEqual(forUnknown.body);
    expect(forKnown.body.isSentByEmail).toBe(true);
    expect(forKnown.body.message).toMatch(/^If an account has this e-mail address/);

    const mail = await smtp.nextMail();
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('noreply@school.example');
    expect(mail.headers).toMatch(/^Subject: Set a new password for Article Discussion/m);
    const url = /https:\/\/\S+/.exec(mail.text)?.[0] ?? '';
    expect(url.startsWith(`${PUBLIC_URL}/teach/reset-password?token=`)).toBe(true);
    // The unknown address got nothing.
    expect(smtp.received).toHaveLength(1);

    const reset = await client.post('/api/auth/reset-password', {
      token: tokenOf(url),
      password: NEW_PASSWORD,
    });
    expect(reset.status).toBe(200);
    expect((await client.get('/api/auth/me')).body).toMatchObject({ teacher: { email } });
  });

  it('limits requests per e-mail address, known or not', async () => {
    const client = new ApiClient(ctx.server.baseUrl);
    const email = `${randomUUID()}@school.example`;
    for (let i = 0; i < 3; i += 1) {
      expect((await client.post('/api/auth/forgot-password', { email })).status).toBe(202);
    }
    const limited = await client.post('/api/auth/forgot-password', { email: email.toUpperCase() });
    expect(limited.status).toBe(429);
    expect(errorOf(limited)).toMatchObject({ code: 'rate_limited' });
    expect(errorOf(limited).message).toMatch(/for this e-mail address.*Wait \d+ s/);
    // Another address is not held up by it.
    const other = await client.post('/api/auth/forgot-password', {
      email: `${randomUUID()}@school.example`,
    });
    expect(other.status).toBe(202);
  });
});

describeWithServer(
  'forgot password without e-mail on %s',
  { config: { resetRateLimit: 4 } },
  (ctx) => {
    it('tells anyone to ask the person who runs the server, in the same words', async () => {
      const options = await new ApiClient(ctx.server.baseUrl).get('/api/auth/password-reset');
      expect(options.body).toEqual({ isByEmail: false });
      const { email } = await signUp(ctx.server.baseUrl, 'Flo');
      const client = new ApiClient(ctx.server.baseUrl);
      const known = await client.post<ForgotPasswordResponse>('/api/auth/forgot-password', {
        email,
      });
      const unknown = await client.post<ForgotPasswordResponse>('/api/auth/forgot-password', {
        email: 'nobody@school.example',
      });
      expect(known.status).toBe(200);
      expect(known.body).toEqual(unknown.body);
      expect(known.body.isSentByEmail).toBe(false);
      expect(known.body.message).toMatch(
        /Ask the person who runs it.*npm run admin -- reset-password/,
      );
      const { rows } = await ctx.server.db.query('SELECT 1 FROM password_resets');
      expect(rows).toHaveLength(0);
    });

    it('names a bad e-mail address, and limits requests per client address', async () => {
      const client = new ApiClient(ctx.server.baseUrl);
      const bad = await client.post('/api/auth/forgot-password', { email: 'not an address' });
      expect(bad.status).toBe(400);
      expect(errorOf(bad)).toMatchObject({ code: 'invalid_input', field: 'email' });
      // Two requests were made in the test before, and this one: the limit is 4 an hour.
      expect(
        (await client.post('/api/auth/forgot-password', { email: 'a@school.example' })).status,
      ).toBe(200);
      const limited = await client.post('/api/auth/forgot-password', { email: 'b@school.example' });
      expect(limited.status).toBe(429);
      expect(errorOf(limited).message).toMatch(/^Too many requests for a new password/);
    });
  },
);
