import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { StudentSessionView, Teacher } from '#domain/api/live-contracts';
import { registerLtiPlatform } from '../services/lti-platforms';
import { ApiClient, errorOf } from './api-client';
import { expectRefused, instructor, learner, useLtiPlatform } from './lti-fixtures';
import { INSTRUCTOR_ROLE, LtiBrowser, TestLtiPlatform } from './lti-platform';
import { describeWithServer } from './use-test-server';

describeWithServer('who an LTI launch lets in, and as whom, on %s', (ctx) => {
  const lti = useLtiPlatform(ctx);

  it('gives an instructor whose LMS e-mail has an account already an account of their own, without a password', async () => {
    const email = `${randomUUID()}@school.example`;
    const owner = new ApiClient(ctx.server.baseUrl);
    const signUp = await owner.post('/api/auth/sign-up', {
      email,
      name: 'Password Teacher',
      password: 'correct horse battery',
    });
    expect(signUp.status).toBe(201);

    const fromLms = lti.browser();
    const user = { ...instructor(), email };
    await fromLms.launch(lti.platform, { user, resourceLinkId: randomUUID() });
    const me = await fromLms.api().get<{ teacher: Teacher }>('/api/auth/me');
    // An e-mail the LMS asserts does not open someone's account: a stand-in that receives no mail.
    expect(me.body.teacher.email).toMatch(/^lti-[\w-]+@lti\.invalid$/);
    expect(me.body.teacher.name).toBe('Ms Rivera');
    const existing = await owner.get<{ teacher: Teacher }>('/api/auth/me');
    expect(existing.body.teacher.id).not.toBe(me.body.teacher.id);

    // No password opens the LMS-made account.
    const signIn = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
      email: me.body.teacher.email,
      password: 'correct horse battery',
    });
    expect(errorOf(signIn).code).toBe('invalid_credentials');
  });

  it('refuses a learner the teacher removed, and a new learner once the session ended', async () => {
    const { resourceLinkId, session, teacher } = await lti.linkWithSession();
    const ada = learner('Ada');
    const first = lti.browser();
    await first.launch(lti.platform, { user: ada, resourceLinkId });
    const me = await first.api().get<StudentSessionView>(`/api/sessions/${session.id}/me`);
    const removed = await teacher
      .api()
      .delete(`/api/sessions/${session.id}/participants/${me.body.me.id}`);
    expect(removed.status).toBe(200);
    const again = await lti.browser().launch(lti.platform, { user: ada, resourceLinkId });
    expectRefused(again, 403, 'participant_removed', /removed you/);

    expect((await teacher.api().post(`/api/sessions/${session.id}/end`)).status).toBe(200);
    const late = await lti.browser().launch(lti.platform, { user: learner('Ben'), resourceLinkId });
    expectRefused(late, 410, 'session_ended', /has ended/);
  });

  it('refuses a launch without the LMS user’s id (sub), a token that is no JWT, and a form with no token', async () => {
    const noSub = await lti.browser().launch(lti.platform, {
      user: learner('Cleo'),
      resourceLinkId: randomUUID(),
      claims: { sub: '' },
    });
    expectRefused(noSub, 400, 'bad_claims', /sub/);
    const garbled = lti.browser();
    const login = await garbled.startLogin({
      iss: lti.platform.issuer,
      login_hint: lti.platform.plan({ user: learner('Dan'), resourceLinkId: randomUUID() }),
      target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
    });
    const form = await garbled.authorize(login.headers.get('location') ?? '');
    const notJwt = await garbled.postForm(form.action, { ...form.fields, id_token: 'not-a-jwt' });
    expectRefused(notJwt, 401, 'bad_signature', /not a signed JWT/);
    const empty = await lti.browser().postForm(`${ctx.server.baseUrl}/lti/launch`, {});
    expectRefused(empty, 400, 'missing_parameter', /no id_token/);
  });

  it('keeps several LMSs apart: each launches its own users, and a login names its registration', async () => {
    const other = await TestLtiPlatform.start();
    try {
      await registerLtiPlatform(ctx.server.db, other.registration());
      const sub = randomUUID();
      const user = { sub, name: 'Same Sub', roles: [INSTRUCTOR_ROLE] };
      const here = lti.browser();
      const there = new LtiBrowser(ctx.server.baseUrl);
      await here.launch(lti.platform, { user, resourceLinkId: randomUUID() });
      await there.launch(other, { user, resourceLinkId: randomUUID() });
      const hereMe = await here.api().get<{ teacher: Teacher }>('/api/auth/me');
      const thereMe = await there.api().get<{ teacher: Teacher }>('/api/auth/me');
      // The same sub on two platforms is two people.
      expect(hereMe.body.teacher.id).not.toBe(thereMe.body.teacher.id);

      const crossed = await lti.browser().startLogin({
        iss: other.issuer,
        login_hint: 'x',
        target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
        client_id: 'not-registered-here',
      });
      expect(crossed.status).toBe(400);
      expect(await crossed.text()).toMatch(
        /not registered this tool under the client id not-registered-here/,
      );

      // Registered twice (a second client id), the issuer's login must say which.
      await registerLtiPlatform(ctx.server.db, { ...other.registration(), clientId: 'second' });
      const unsaid = await lti.browser().startLogin({
        iss: other.issuer,
        login_hint: 'x',
        target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
      });
      expect(unsaid.status).toBe(400);
      expect(await unsaid.text()).toMatch(/more than once: the login must name its client_id/);
    } finally {
      await other.close();
    }
  });

  it('answers 502, naming the address, when the LMS’s key set cannot be fetched', async () => {
    const unreachable = await TestLtiPlatform.start();
    try {
      // Port 9 (discard) on this machine: nothing answers there.
      const jwksUrl = 'http://127.0.0.1:9/jwks';
      await registerLtiPlatform(ctx.server.db, { ...unreachable.registration(), jwksUrl });
      const result = await lti.browser().launch(unreachable, {
        user: learner('Fay'),
        resourceLinkId: randomUUID(),
      });
      expectRefused(result, 502, 'platform_keys_unavailable', /127\.0\.0\.1:9\/jwks/);
    } finally {
      await unreachable.close();
    }
  });
});

describeWithServer(
  'the LTI state cookie behind an HTTPS proxy on %s',
  { config: { trustProxy: ['127.0.0.1'] } },
  (ctx) => {
    const lti = useLtiPlatform(ctx);

    it('crosses from the LMS’s site: SameSite=None and Secure over HTTPS', async () => {
      const response = await fetch(
        `${ctx.server.baseUrl}/lti/login?${new URLSearchParams({
          iss: lti.platform.issuer,
          login_hint: 'x',
          target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
        }).toString()}`,
        { redirect: 'manual', headers: { 'x-forwarded-proto': 'https' } },
      );
      expect(response.status).toBe(302);
      const cookie = response.headers.getSetCookie().find((line) => line.startsWith('lti_state_'));
      expect(cookie).toMatch(/; Path=\/lti/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; SameSite=None/);
    });

    it('names what it refused without letting the request write into the page', async () => {
      const response = await fetch(
        `${ctx.server.baseUrl}/lti/login?${new URLSearchParams({
          iss: '<script>alert(1)</script>',
          login_hint: 'x',
          target_link_uri: 'x',
        }).toString()}`,
      );
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).not.toContain('<script>');
      expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    });
  },
);
