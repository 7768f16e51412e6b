import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { ApiClient, errorOf } from './api-client';
import { useServerWithMail } from './smtp-test-server';
import { describeEachStorage } from './use-test-server';

const PUBLIC_URL = 'https://class.school.example';
const PASSWORD = 'correct horse battery';

const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';
const linkIn = (text: string) => /https:\/\/\S+/.exec(text)?.[0] ?? '';

describeEachStorage('sign-up by e-mail on %s', (kind) => {
  const { ctx, smtp } = useServerWithMail(kind, PUBLIC_URL);

  it('answers the same for a taken and a new e-mail; the owner is told, the newcomer gets a link', async () => {
    const existing = `owner-${randomUUID()}@school.example`;
    const fresh = `new-${randomUUID()}@school.example`;
    // An account made before, confirmed through its own link.
    const first = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up', {
      email: existing,
      name: 'Owner',
      password: PASSWORD,
    });
    expect(first.status).toBe(202);
    const firstMail = await smtp.nextMail();
    const made = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up/confirm', {
      token: tokenOf(linkIn(firstMail.text)),
    });
    expect(made.status).toBe(201);

    const stranger = new ApiClient(ctx.server.baseUrl);
    const taken = await stranger.post('/api/auth/sign-up', {
      email: existing.toUpperCase(),
      name: 'Stranger',
      password: 'another long passphrase',
    });
    const newcomer = new ApiClient(ctx.server.baseUrl);
    const created = await newcomer.post('/api/auth/sign-up', {
      email: fresh,
      name: 'Newcomer',
      password: PASSWORD,
    });
    expect(taken.status).toBe(202);
    expect(created.status).toBe(202);
    expect(taken.body).toEqual(created.body);
    expect(taken.body).toMatchObject({ isSentByEmail: true });
    expect((taken.body as { message: string }).message).toMatch(/Check your e-mail/);
    // Neither is signed in yet, so that cannot tell them apart either.
    expect(taken.headers.getSetCookie()).toEqual(created.headers.getSetCookie());
    expect((await stranger.get('/api/auth/me')).status).toBe(401);
    expect((await newcomer.get('/api/auth/me')).status).toBe(401);

    const mails = [await smtp.nextMail(), await smtp.nextMail()];
    const warning = mails.find((mail) => mail.to.includes(existing));
    const link = mails.find((mail) => mail.to.includes(fresh));
    expect(warning?.headers).toMatch(/^Subject: Someone tried to sign up with your e-mail/m);
    expect(warning?.text).toMatch(/already has an account/);
    expect(warning?.text).toContain(`${PUBLIC_URL}/teach/forgot-password`);
    expect(warning?.text).not.toMatch(/token=/);
    expect(link?.headers).toMatch(/^Subject: Finish creating your account/m);
    const url = linkIn(link?.text ?? '');
    expect(url.startsWith(`${PUBLIC_URL}/teach/confirm-sign-up?token=`)).toBe(true);

    // The owner's password is unchanged; the stranger's does not work.
    const wrong = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
      email: existing,
      password: 'another long passphrase',
    });
    expect(wrong.status).toBe(401);
    // Before the link, the new e-mail has no account.
    const early = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
      email: fresh,
      password: PASSWORD,
    });
    expect(early.status).toBe(401);

    const browser = new ApiClient(ctx.server.baseUrl);
    const confirm = await browser.post('/api/auth/sign-up/confirm', { token: tokenOf(url) });
    expect(confirm.status).toBe(201);
    expect(confirm.body).toMatchObject({ teacher: { email: fresh, name: 'Newcomer' } });
    expect((await browser.get('/api/auth/me')).body).toMatchObject({ teacher: { email: fresh } });
    const signIn = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
      email: fresh,
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);

    // The link works once.
    const again = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up/confirm', {
      token: tokenOf(url),
    });
    expect(again.status).toBe(400);
    expect(errorOf(again)).toMatchObject({ code: 'sign_up_link_invalid', field: 'token' });
    expect(smtp.received).toHaveLength(3);
  });

  it('sends at most 3 sign-up e-mails an hour to one address, taken or new, and says so alike', async () => {
    const existing = `owner-${randomUUID()}@school.example`;
    const first = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up', {
      email: existing,
      name: 'Owner',
      password: PASSWORD,
    });
    await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up/confirm', {
      token: tokenOf(linkIn((await smtp.nextMail()).text)),
    });
    expect(first.status).toBe(202);
    const fresh = `new-${randomUUID()}@school.example`;
    const signUp = (email: string, i: number) =>
      new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up', {
        email: i % 2 === 0 ? email : email.toUpperCase(),
        name: `Stranger ${i}`,
        password: `another long passphrase ${i}`,
      });
    const before = smtp.received.length;
    // The owner's address had one mail this hour already (its own sign-up link).
    const taken = [await signUp(existing, 0), await signUp(existing, 1), await signUp(existing, 2)];
    const fresher = [];
    for (let i = 0; i < 4; i += 1) fresher.push(await signUp(fresh, i));
    expect(taken.map((r) => r.status)).toEqual([202, 202, 429]);
    expect(fresher.map((r) => r.status)).toEqual([202, 202, 202, 429]);
    // The same refusal, but for the seconds left, which count from each address's first mail.
    const withoutSeconds = (r: (typeof taken)[number]) => errorOf(r).message.replace(/\d+/g, 'N');
    expect(withoutSeconds(taken[2]!)).toBe(withoutSeconds(fresher[3]!));
    expect(errorOf(taken[2]!).message).toMatch(/sign-ups with this e-mail address.*wait \d+ s/i);
    for (let i = 0; i < 5; i += 1) await smtp.nextMail();
    expect(smtp.received.length - before).toBe(5);
  });

  it('refuses an unknown link', async () => {
    const response = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up/confirm', {
      token: 'not-a-real-token',
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('sign_up_link_invalid');
  });
});
