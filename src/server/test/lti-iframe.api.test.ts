import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { StudentSessionView, Teacher } from '#domain/api/live-contracts';
import { expectRefused, instructor, learner, useLtiPlatform } from './lti-fixtures';
import type { LaunchPlan, LaunchResult, LmsUser, LtiBrowser } from './lti-platform';
import { describeWithServer } from './use-test-server';

const frameAncestorsOf = (response: Response) =>
  /frame-ancestors ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

/** The value of each `data-` attribute of the page's #lti-frame element. */
function frameDataOf(html: string): Record<string, string> {
  const element = /<div id="lti-frame"([^>]*)>/.exec(html)?.[1] ?? '';
  const data: Record<string, string> = {};
  for (const [, name = '', value = ''] of element.matchAll(/data-([\w-]+)="([^"]*)"/g)) {
    data[name] = value.replace(/&#(\d+);/g, (_m, code: string) =>
      String.fromCharCode(Number(code)),
    );
  }
  return data;
}

/** The hidden fields of a page's form, as a browser would post them. */
function hiddenFieldsOf(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name = '', value = ''] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
  )) {
    fields[name] = value.replace(/&#(\d+);/g, (_m, code: string) =>
      String.fromCharCode(Number(code)),
    );
  }
  return fields;
}

describeWithServer('LTI launches in an LMS’s frame on %s', (ctx) => {
  const lti = useLtiPlatform(ctx);
  const { browser, linkWithSession } = lti;
  const toolOrigin = () => ctx.server.baseUrl;

  it('lets the registered LMS frame the LTI pages and the pages a launch leads to, and nobody else', async () => {
    const lms = new URL(lti.platform.baseUrl).origin;
    for (const path of ['/lti/login', '/teach', '/teach/sessions/x', `/live/${randomUUID()}`]) {
      const response = await fetch(`${ctx.server.baseUrl}${path}`);
      expect(frameAncestorsOf(response), path).toBe(`'self' ${lms}`);
      expect(response.headers.get('x-frame-options'), path).toBeNull();
    }
    for (const path of ['/', '/join', '/api/health', '/study/x', '/teacher']) {
      const response = await fetch(`${ctx.server.baseUrl}${path}`);
      expect(frameAncestorsOf(response), path).toBe("'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('lets an LMS not yet registered frame the registration page only', async () => {
    const response = await fetch(`${ctx.server.baseUrl}/lti/register/${'x'.repeat(43)}`);
    expect(response.status).toBe(403);
    expect(frameAncestorsOf(response)).toBe("'self' https: http://localhost:* http://127.0.0.1:*");
  });

  /** A login the LMS starts offering its storage, up to the tool's page that keeps the state there. */
  async function loginWithStorage(
    who: LtiBrowser,
    user: LmsUser,
    resourceLinkId: string,
    claims?: LaunchPlan['claims'],
  ) {
    const login = await who.startLogin({
      iss: lti.platform.issuer,
      login_hint: lti.platform.plan({ user, resourceLinkId, claims, storageTarget: '_parent' }),
      target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
      client_id: lti.platform.clientId,
      lti_storage_target: '_parent',
    });
    expect(login.status).toBe(200);
    return frameDataOf(await login.text());
  }

  /**
   * A launch in a frame that keeps no cookie: the login's page puts the state in the LMS's
   * storage, the launch comes back without the cookie, the tool's page gets the state back
   * from the storage and posts the launch on from the tool's origin.
   */
  async function launchInFrame(
    user: LmsUser,
    resourceLinkId: string,
    claims?: LaunchPlan['claims'],
  ): Promise<LaunchResult> {
    const frame = browser();
    const stored = await loginWithStorage(frame, user, resourceLinkId, claims);
    const form = await frame.authorize(stored.redirect ?? '');
    expect(form.fields.lti_storage_target).toBe('_parent');
    const launch = await frame.postForm(form.action, form.fields, '');
    expect(launch.status).toBe(200);
    expect(frameDataOf(launch.body)).toMatchObject({
      action: 'storage-launch',
      key: `lti_state_${form.fields.state ?? ''}`,
      value: form.fields.state,
    });
    return postFromTool('/lti/launch/stored', hiddenFieldsOf(launch.body));
  }

  /** A form post from the tool's own page (its Origin), with no cookie, as in a frame without them. */
  async function postFromTool(
    path: string,
    fields: Record<string, string>,
    origin: string | null = toolOrigin(),
  ): Promise<LaunchResult & { cookies: string[] }> {
    const response = await fetch(`${ctx.server.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(fields),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(origin ? { origin } : {}),
      },
    });
    return {
      status: response.status,
      location: response.headers.get('location'),
      body: await response.text(),
      cookies: response.headers.getSetCookie(),
    };
  }

  it('keeps the login’s state in the LMS’s storage when it offers one (lti_storage_target)', async () => {
    const data = await loginWithStorage(browser(), learner('Ada'), randomUUID());
    expect(data).toMatchObject({
      action: 'storage-login',
      target: '_parent',
      'platform-origin': new URL(lti.platform.baseUrl).origin,
    });
    const redirect = new URL(data.redirect ?? '');
    expect(`${redirect.origin}${redirect.pathname}`).toBe(`${lti.platform.baseUrl}/auth`);
    expect(data.key).toBe(`lti_state_${redirect.searchParams.get('state') ?? ''}`);
    expect(data.value).toBe(redirect.searchParams.get('state'));
  });

  it('launches a teacher in a frame without cookies through a one-time hand-off to a new window', async () => {
    const checked = await launchInFrame(instructor(), randomUUID());
    expect(checked.status).toBe(200);
    expect(checked.body).toContain('Open in a new window');
    expect(checked.body).toMatch(
      /<form method="post" action="\/lti\/handoff" target="_blank">.*<button type="submit" autofocus>Open in a new window<\/button><\/form>/,
    );
    const handoff = hiddenFieldsOf(checked.body);

    const opened = await postFromTool('/lti/handoff', handoff);
    expect(opened).toMatchObject({ status: 303, location: '/teach' });
    const window = browser();
    window.cookies.keep(opened.cookies);
    const me = await window.api().get<{ teacher: Teacher }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.teacher.name).toBe('Ms Rivera');

    const again = await postFromTool('/lti/handoff', handoff);
    expect(again.status).toBe(410);
    expect(again.body).toContain('<code>handoff_used</code>');
    expect(again.body).toMatch(/used already/);
  });

  it('hands a teacher adding an activity off to the lesson picker in a new window', async () => {
    const plan = lti.platform.deepLinking.plan(instructor(), ctx.server.baseUrl);
    const checked = await launchInFrame(plan.user, plan.resourceLinkId, plan.claims);
    expect(checked.body).toContain('Open in a new window');
    const opened = await postFromTool('/lti/handoff', hiddenFieldsOf(checked.body));
    expect(opened.status).toBe(303);
    expect(opened.location).toMatch(/^\/teach\?lti-request=[0-9a-f-]{36}$/);
  });

  it('hands a student off to their session in a new window', async () => {
    const { resourceLinkId, session } = await linkWithSession();
    const checked = await launchInFrame(learner('Grace Hopper'), resourceLinkId);
    const opened = await postFromTool('/lti/handoff', hiddenFieldsOf(checked.body));
    expect(opened).toMatchObject({ status: 303, location: `/live/${session.id}` });
    const window = browser();
    window.cookies.keep(opened.cookies);
    const me = await window.api().get<StudentSessionView>(`/api/sessions/${session.id}/me`);
    expect(me.status).toBe(200);
    expect(me.body.me.displayName).toBe('Grace Hopper');
  });

  it('refuses a hand-off after two minutes, with another launch’s state, or not from the tool’s page', async () => {
    const first = hiddenFieldsOf((await launchInFrame(instructor(), randomUUID())).body);
    const second = hiddenFieldsOf((await launchInFrame(instructor(), randomUUID())).body);

    const crossed = await postFromTool('/lti/handoff', { ...first, launch: second.launch ?? '' });
    expect(crossed.status).toBe(404);
    expect(crossed.body).toContain('<code>handoff_unknown</code>');

    const fromElsewhere = await postFromTool('/lti/handoff', second, 'https://evil.example');
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.body).toMatch(/tool’s own page/);
    expect(fromElsewhere.cookies).toEqual([]);

    await ctx.server.db.query(
      "UPDATE lti_handoffs SET expires_at = now() - interval '1 second' WHERE login_state = $1",
      [first.launch],
    );
    const late = await postFromTool('/lti/handoff', first);
    expect(late.status).toBe(410);
    expect(late.body).toContain('<code>handoff_expired</code>');
    expect(late.body).toMatch(/expired \(it works for 2 minutes\)/);
    // Neither refusal spent the second one.
    expect((await postFromTool('/lti/handoff', second)).status).toBe(303);
  });

  it('refuses the stored launch posted by another site, or posted twice', async () => {
    const frame = browser();
    const stored = await loginWithStorage(frame, instructor(), randomUUID());
    const form = await frame.authorize(stored.redirect ?? '');
    const launchPage = await frame.postForm(form.action, form.fields, '');
    const fields = hiddenFieldsOf(launchPage.body);
    // Another site posting the token it captured would need the LMS's storage in this browser:
    // only the tool's page can ask it, so only the tool's page may post on.
    const forged = await postFromTool('/lti/launch/stored', fields, 'https://evil.example');
    expectRefused(forged, 401, 'state_mismatch', /tool’s own page/);
    const noOrigin = await postFromTool('/lti/launch/stored', fields, null);
    expectRefused(noOrigin, 401, 'state_mismatch', /tool’s own page/);
    expect((await postFromTool('/lti/launch/stored', fields)).status).toBe(200);
    expectRefused(
      await postFromTool('/lti/launch/stored', fields),
      401,
      'replayed_nonce',
      /used already/,
    );
  });

  it('launches as before when the state cookie comes back, storage offered or not', async () => {
    const frame = browser();
    const stored = await loginWithStorage(frame, instructor(), randomUUID());
    const form = await frame.authorize(stored.redirect ?? '');
    expect(await frame.postForm(form.action, form.fields)).toMatchObject({
      status: 303,
      location: '/teach',
    });
  });
});

describeWithServer(
  'LTI frames behind an HTTPS proxy, with LTI_FRAME_ANCESTORS, on %s',
  { config: { trustProxy: ['127.0.0.1'], ltiFrameAncestors: ['https://school.instructure.com'] } },
  (ctx) => {
    const lti = useLtiPlatform(ctx);
    const overHttps = { 'x-forwarded-proto': 'https' };

    it('adds the configured origins to the registered LMSs’', async () => {
      const response = await fetch(`${ctx.server.baseUrl}/teach`);
      expect(frameAncestorsOf(response)).toBe(
        `'self' ${new URL(lti.platform.baseUrl).origin} https://school.instructure.com`,
      );
    });

    it('sets the launch’s sign-in and CSRF cookies SameSite=None; Secure, for a frame that keeps them', async () => {
      const who = lti.browser();
      const login = await fetch(
        `${ctx.server.baseUrl}/lti/login?${new URLSearchParams({
          iss: lti.platform.issuer,
          login_hint: lti.platform.plan({ user: instructor(), resourceLinkId: randomUUID() }),
          target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
        }).toString()}`,
        { redirect: 'manual', headers: overHttps },
      );
      who.cookies.keep(login.headers.getSetCookie());
      const form = await who.authorize(login.headers.get('location') ?? '');
      // Behind the proxy the platform posts to https://; the test reaches the server directly.
      expect(form.action).toBe(`https://${new URL(ctx.server.baseUrl).host}/lti/launch`);
      const launch = await fetch(`${ctx.server.baseUrl}/lti/launch`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams(form.fields),
        headers: {
          ...overHttps,
          'content-type': 'application/x-www-form-urlencoded',
          cookie: who.cookies.header('/lti/launch'),
        },
      });
      expect(launch.status).toBe(303);
      const cookies = launch.headers.getSetCookie();
      const sid = cookies.find((line) => line.startsWith('sid='));
      expect(sid).toMatch(/; Secure/);
      expect(sid).toMatch(/; SameSite=None/);
      const csrf = cookies.find((line) => line.startsWith('__Host-csrf='));
      expect(csrf).toMatch(/; Path=\/; Secure; SameSite=None$/);
    });
  },
);
