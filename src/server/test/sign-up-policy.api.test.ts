import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSignUpPolicy } from '../config-sign-up';
import { hashPassword, hashToken } from '../lib/secrets';
import { createPendingSignUp } from '../repositories/pending-sign-ups.repository';
import { ApiClient, errorOf, expectRefusal } from './api-client';
import { adminOn, existingTeacher, PASSWORD, tokenOf } from './admin-fixtures';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';
import { describeWithServer, describeEachStorage, useTestServer } from './use-test-server';

/** What a server answering on a network address with no sign-up settings decides. */
const NETWORK_POLICY = readSignUpPolicy({}, '10.0.0.5');
const DOMAINS_POLICY = readSignUpPolicy(
  { SIGNUP_DOMAINS: 'district.example, @staff.example' },
  '0.0.0.0',
);

const signUp = (baseUrl: string, email: string) =>
  new ApiClient(baseUrl).post('/api/auth/sign-up', { email, name: 'Newcomer', password: PASSWORD });

describeWithServer(
  'sign-up closed on a network address on %s',
  { config: { signUp: NETWORK_POLICY } },
  (ctx) => {
    it('refuses a sign-up with a message saying how to get an invitation, and makes no account', async () => {
      const email = `${randomUUID()}@school.example`;
      const refused = await signUp(ctx.server.baseUrl, email);
      expectRefusal(refused, 403, 'sign_up_closed', 'email');
      expect(errorOf(refused).message).toMatch(/by invitation only.*administrator/);
      const signIn = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
        email,
        password: PASSWORD,
      });
      expectRefusal(signIn, 401, 'invalid_credentials');
    });

    it('tells the sign-up page that sign-up is closed', async () => {
      const policy = await new ApiClient(ctx.server.baseUrl).get('/api/auth/sign-up-policy');
      expect(policy.status).toBe(200);
      expect(policy.body).toMatchObject({ isOpen: false, domains: [] });
      expect((policy.body as { message: string }).message).toMatch(/invitation/);
    });

    it('lets an invited address open its account by the link, once, and by sign-up too', async () => {
      const { client: admin } = await adminOn(ctx.server);
      const invitedEmail = `Invited-${randomUUID()}@School.example`;
      const invited = await admin.post<{ url: string; invitation: { email: string } }>(
        '/api/admin/invitations',
        { email: invitedEmail },
      );
      expect(invited.status).toBe(201);
      expect(invited.body.invitation.email).toBe(invitedEmail);
      const token = tokenOf(invited.body.url);
      expect(new URL(invited.body.url).pathname).toBe('/teach/accept-invitation');

      const newcomer = new ApiClient(ctx.server.baseUrl);
      const checked = await newcomer.post('/api/auth/invitation/check', { token });
      expect(checked.body).toEqual({ email: invitedEmail });
      const weak = await newcomer.post('/api/auth/invitation/accept', {
        token,
        name: 'Grace',
        password: 'password',
      });
      expect(weak.status).toBe(400);
      const accepted = await newcomer.post('/api/auth/invitation/accept', {
        token,
        name: 'Grace',
        password: PASSWORD,
      });
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({ teacher: { name: 'Grace', email: invitedEmail } });
      expect((await newcomer.get('/api/auth/me')).body).toMatchObject({
        teacher: { name: 'Grace' },
      });

      // Used up: the link opens no second account, and the invitation is no longer pending.
      const again = await new ApiClient(ctx.server.baseUrl).post('/api/auth/invitation/accept', {
        token,
        name: 'Mallory',
        password: PASSWORD,
      });
      expectRefusal(again, 400, 'invitation_invalid', 'token');
      expect(errorOf(again).message).toMatch(/used already, has expired, was revoked/);
      const listed = await admin.get<{ invitations: { email: string }[] }>('/api/admin/teachers');
      expect(listed.body.invitations.map((i) => i.email)).not.toContain(invitedEmail);

      // An invited address may also sign up directly; a revoked invitation opens nothing.
      const other = `${randomUUID()}@school.example`;
      const made = await admin.post<{ invitation: { id: string } }>('/api/admin/invitations', {
        email: other,
      });
      const revoked = await admin.delete(`/api/admin/invitations/${made.body.invitation.id}`);
      expect(revoked.status).toBe(204);
      expectRefusal(await signUp(ctx.server.baseUrl, other), 403, 'sign_up_closed');
      await admin.post('/api/admin/invitations', { email: other });
      expect((await signUp(ctx.server.baseUrl, other)).status).toBe(201);
    });

    it('refuses the link of a sign-up sent before sign-up closed, and keeps it', async () => {
      const email = `${randomUUID()}@school.example`;
      const token = `pending-${randomUUID()}`;
      await createPendingSignUp(
        ctx.server.db,
        hashToken(token),
        { email, name: 'Late', passwordHash: await hashPassword(PASSWORD) },
        new Date(Date.now() + 3_600_000),
      );
      const client = new ApiClient(ctx.server.baseUrl);
      const refused = await client.post('/api/auth/sign-up/confirm', { token });
      expectRefusal(refused, 403, 'sign_up_closed', 'email');
      // Once invited, the same link works.
      await ctx.server.app.services.teacherAdmin.invite(null, email, 'http://x');
      expect((await client.post('/api/auth/sign-up/confirm', { token })).status).toBe(201);
    });

    it('refuses an unknown invitation token and hostile ones with a clear error', async () => {
      const client = new ApiClient(ctx.server.baseUrl);
      const unknown = await client.post('/api/auth/invitation/check', { token: 'not-a-token' });
      expectRefusal(unknown, 400, 'invitation_invalid', 'token');
      const nul = await client.post('/api/auth/invitation/check', { token: 'abc\u0000def' });
      expectRefusal(nul, 400, 'invalid_input', 'token');
      const huge = await client.post('/api/auth/invitation/check', { token: 'a'.repeat(5000) });
      expectRefusal(huge, 400, 'invalid_input', 'token');
    });
  },
);

describeWithServer(
  'sign-up open to SIGNUP_DOMAINS on %s',
  { config: { signUp: DOMAINS_POLICY } },
  (ctx) => {
    it('opens accounts for the named domains only, in any case', async () => {
      expect((await signUp(ctx.server.baseUrl, `${randomUUID()}@District.Example`)).status).toBe(
        201,
      );
      expect((await signUp(ctx.server.baseUrl, `${randomUUID()}@staff.example`)).status).toBe(201);
      const other = await signUp(ctx.server.baseUrl, `${randomUUID()}@gmail.example`);
      expectRefusal(other, 403, 'sign_up_closed', 'email');
      expect(errorOf(other).message).toMatch(/@district\.example, @staff\.example/);
      // A look-alike is not the domain.
      const lookalike = await signUp(ctx.server.baseUrl, `${randomUUID()}@evil-district.example`);
      expectRefusal(lookalike, 403, 'sign_up_closed');
      const policy = await new ApiClient(ctx.server.baseUrl).get('/api/auth/sign-up-policy');
      expect(policy.body).toMatchObject({
        isOpen: false,
        domains: ['district.example', 'staff.example'],
      });
    });
  },
);

describeEachStorage('sign-up by e-mail while closed on %s', (kind) => {
  let smtp: SmtpTestServer | undefined;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const ctx = useTestServer(kind, () => ({
    smtpUrl: smtp?.url,
    mailFrom: 'Article Discussion <noreply@school.example>',
    publicUrl: 'https://class.school.example',
    signUp: NETWORK_POLICY,
  }));

  it('refuses alike whether or not the address has an account, and sends nothing', async () => {
    // An account from before sign-up closed.
    const { teacher: owner } = await existingTeacher(ctx.server, 'Owner');
    const taken = await signUp(ctx.server.baseUrl, owner.email.toUpperCase());
    const stranger = await signUp(ctx.server.baseUrl, `${randomUUID()}@school.example`);
    expectRefusal(taken, 403, 'sign_up_closed', 'email');
    expect(taken.body).toEqual(stranger.body);
    expect(smtp?.received.length).toBe(0);
  });

  it('sends an invited address its link by e-mail, and the link opens the account', async () => {
    const { client: admin } = await adminOn(ctx.server);
    const email = `${randomUUID()}@school.example`;
    const invited = await admin.post<{ isSentByEmail: boolean }>('/api/admin/invitations', {
      email,
    });
    expect(invited.body.isSentByEmail).toBe(true);
    const mail = await smtp!.nextMail();
    expect(mail.text).toContain('Ada Admin invited');
    const url =
      /https:\/\/class\.school\.example\/teach\/accept-invitation\?token=\S+/.exec(
        mail.text,
      )?.[0] ?? '';
    const accepted = await new ApiClient(ctx.server.baseUrl).post('/api/auth/invitation/accept', {
      token: tokenOf(url),
      name: 'Grace',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
  });
});
