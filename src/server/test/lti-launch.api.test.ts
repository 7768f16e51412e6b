import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { StudentSessionView, Teacher, TeacherSessionView } from '#domain/api/live-contracts';
import { LTI_CLAIMS } from '#domain/lti/launch-claims';
import { expectRefused, instructor, learner, useLtiPlatform } from './lti-fixtures';
import type { LaunchPlan } from './lti-platform';
import { describeWithServer } from './use-test-server';

describeWithServer('LTI 1.3 launches from a test platform on %s', (ctx) => {
  const lti = useLtiPlatform(ctx);
  const { browser, linkWithSession } = lti;

  it('publishes the tool’s public key at /lti/jwks.json, without its private half', async () => {
    const response = await fetch(`${ctx.server.baseUrl}/lti/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(keys[0]?.kid).toEqual(expect.any(String));
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('sends the login to the platform with the OpenID Connect parameters, a state and a nonce', async () => {
    const response = await browser().startLogin(
      {
        iss: lti.platform.issuer,
        login_hint: 'hint-1',
        target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
        lti_message_hint: 'message-hint-1',
        client_id: lti.platform.clientId,
      },
      'POST',
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${lti.platform.baseUrl}/auth`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: lti.platform.clientId,
      redirect_uri: `${ctx.server.baseUrl}/lti/launch`,
      login_hint: 'hint-1',
      lti_message_hint: 'message-hint-1',
    });
    expect(location.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(location.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a login from an issuer nobody registered, or without a login hint', async () => {
    const unknown = await browser().startLogin({
      iss: 'https://lms.nowhere.example',
      login_hint: 'x',
      target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<code>unknown_platform</code>');
    const noHint = await browser().startLogin({
      iss: lti.platform.issuer,
      target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
    });
    expect(noHint.status).toBe(400);
    expect(await noHint.text()).toMatch(/no login_hint/);
  });

  it('makes an instructor a teacher account on the first launch, and finds it on the next', async () => {
    const user = instructor();
    const first = browser();
    const launched = await first.launch(lti.platform, { user, resourceLinkId: randomUUID() });
    expect(launched).toMatchObject({ status: 303, location: '/teach' });
    const me = await first.api().get<{ teacher: Teacher }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.teacher).toMatchObject({ name: 'Ms Rivera', email: user.email });

    const second = browser();
    expect(await second.launch(lti.platform, { user, resourceLinkId: randomUUID() })).toMatchObject(
      {
        status: 303,
      },
    );
    const again = await second.api().get<{ teacher: Teacher }>('/api/auth/me');
    expect(again.body.teacher.id).toBe(me.body.teacher.id);
  });

  it('tells a learner whose link has no session yet that the teacher has not set it up', async () => {
    const result = await browser().launch(lti.platform, {
      user: learner('Ada Lovelace'),
      resourceLinkId: randomUUID(),
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatch(/has not been set up by your teacher yet/);
  });

  it('joins a learner to the link’s session under the LMS name; another device is the same participant', async () => {
    const { resourceLinkId, session, teacher } = await linkWithSession();
    const ada = learner('Ada Lovelace');
    const laptop = browser();
    const first = await laptop.launch(lti.platform, { user: ada, resourceLinkId });
    expect(first).toMatchObject({ status: 303, location: `/live/${session.id}` });
    const onLaptop = await laptop.api().get<StudentSessionView>(`/api/sessions/${session.id}/me`);
    expect(onLaptop.status).toBe(200);
    expect(onLaptop.body.me.displayName).toBe('Ada Lovelace');

    const phone = browser();
    expect(await phone.launch(lti.platform, { user: ada, resourceLinkId })).toMatchObject({
      status: 303,
      location: `/live/${session.id}`,
    });
    const onPhone = await phone.api().get<StudentSessionView>(`/api/sessions/${session.id}/me`);
    expect(onPhone.body.me.id).toBe(onLaptop.body.me.id);
    // As a rejoin does: the device before is signed out of the session.
    expect((await laptop.api().get(`/api/sessions/${session.id}/me`)).status).toBe(401);

    const other = browser();
    await other.launch(lti.platform, { user: learner('Ada Lovelace'), resourceLinkId });
    const onOther = await other.api().get<StudentSessionView>(`/api/sessions/${session.id}/me`);
    // Another LMS user of the same name is another participant, numbered as namesakes are.
    expect(onOther.body.me.id).not.toBe(onLaptop.body.me.id);
    expect(onOther.body.me.label).toBe('Ada Lovelace (2)');
    const roster = await teacher.api().get<TeacherSessionView>(`/api/sessions/${session.id}`);
    expect(roster.body.participants.map((p) => p.label)).toEqual([
      'Ada Lovelace',
      'Ada Lovelace (2)',
    ]);
  });

  const refusals: [string, Omit<LaunchPlan, 'user' | 'resourceLinkId'>, number, string, RegExp][] =
    [
      [
        'a wrong issuer',
        { claims: { iss: 'https://other-lms.example' } },
        401,
        'wrong_issuer',
        /issuer/,
      ],
      ['a wrong audience', { claims: { aud: 'another-tool' } }, 401, 'wrong_audience', /client id/],
      [
        'several audiences without azp naming the tool',
        { claims: { aud: ['article-discussion-tool', 'another-tool'] } },
        401,
        'wrong_audience',
        /azp/,
      ],
      ['a bad signature', { isSignedByAnotherKey: true }, 401, 'bad_signature', /signature/],
      ['a token naming no key', { hasNoKeyId: true }, 401, 'bad_signature', /names a key/],
      ['an expired token', { expiredSecondsAgo: 120 }, 401, 'token_expired', /expired/],
      [
        'an unknown deployment',
        { claims: { [LTI_CLAIMS.deploymentId]: 'deployment-9' } },
        401,
        'unknown_deployment',
        /deployment-9/,
      ],
      [
        'another message type',
        // Deep linking is taken (lti-deep-linking.api.test.ts); submission review is not.
        { claims: { [LTI_CLAIMS.messageType]: 'LtiSubmissionReviewRequest' } },
        400,
        'wrong_message_type',
        /LtiSubmissionReviewRequest/,
      ],
      [
        'another LTI version',
        { claims: { [LTI_CLAIMS.version]: '1.1.0' } },
        400,
        'wrong_version',
        /1\.1\.0/,
      ],
    ];
  for (const [what, spoilt, status, code, words] of refusals) {
    it(`refuses a launch with ${what}, naming it`, async () => {
      const student = browser();
      const result = await student.launch(lti.platform, {
        user: learner('Ben'),
        resourceLinkId: randomUUID(),
        ...spoilt,
      });
      expectRefused(result, status, code, words);
      expect(student.cookies.get('pt')).toBeUndefined();
    });
  }

  it('refuses a token posted a second time (its nonce is spent)', async () => {
    const { resourceLinkId } = await linkWithSession();
    const student = browser();
    const login = await student.startLogin({
      iss: lti.platform.issuer,
      login_hint: lti.platform.plan({ user: learner('Cleo'), resourceLinkId }),
      target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
    });
    const form = await student.authorize(login.headers.get('location') ?? '');
    const stateCookie = student.cookies.header('/lti/launch');
    expect((await student.postForm(form.action, form.fields)).status).toBe(303);
    const replay = await student.postForm(form.action, form.fields, stateCookie);
    expectRefused(replay, 401, 'replayed_nonce', /used already/);
  });

  it('refuses a launch posted by another browser than the one that started the login', async () => {
    const starter = browser();
    const login = await starter.startLogin({
      iss: lti.platform.issuer,
      login_hint: lti.platform.plan({ user: learner('Dev'), resourceLinkId: randomUUID() }),
      target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
    });
    const form = await starter.authorize(login.headers.get('location') ?? '');
    const stranger = browser();
    expectRefused(
      await stranger.postForm(form.action, form.fields),
      401,
      'state_mismatch',
      /state/,
    );
    const madeUp = await starter.postForm(form.action, { ...form.fields, state: 'made-up-state' });
    expectRefused(madeUp, 401, 'state_mismatch', /state/);
    // The refusals spent nothing: the browser that started it still gets in.
    expect((await starter.postForm(form.action, form.fields)).status).toBe(200);
  });

  it('refuses a launch after its login expired, and the sweep drops the login', async () => {
    const student = browser();
    const login = await student.startLogin({
      iss: lti.platform.issuer,
      login_hint: lti.platform.plan({ user: learner('Eve'), resourceLinkId: randomUUID() }),
      target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
    });
    const form = await student.authorize(login.headers.get('location') ?? '');
    const cookie = student.cookies.header('/lti/launch');
    // The user took longer than the login allows (ten minutes) to come back from the LMS.
    await ctx.server.db.query(
      "UPDATE lti_logins SET expires_at = now() - interval '1 minute' WHERE state = $1",
      [form.fields.state],
    );
    expectRefused(
      await student.postForm(form.action, form.fields),
      401,
      'login_expired',
      /10 minutes/,
    );
    const report = await ctx.server.app.housekeeping.sweep();
    expect(report.ltiLoginsDeleted).toBeGreaterThanOrEqual(1);
    const afterSweep = await student.postForm(form.action, form.fields, cookie);
    expectRefused(afterSweep, 401, 'state_mismatch', /state/);
  });
});
