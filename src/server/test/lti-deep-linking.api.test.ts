import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { StudentSessionView, TeacherSessionView } from '#domain/api/live-contracts';
import type { DeepLinkingAnswer, DeepLinkingRequestView } from '#domain/api/lti-contracts';
import { DEEP_LINKING_CLAIMS } from '#domain/lti/deep-linking';
import { registerLtiPlatform } from '../services/lti-platforms';
import { ApiClient, expectRefusal, signUpTeacher } from './api-client';
import { expectRefused, instructor, learner, useLtiPlatform } from './lti-fixtures';
import { LtiBrowser, TestLtiPlatform, type LmsUser } from './lti-platform';
import { describeWithServer } from './use-test-server';

const BUILT_IN_LESSON = 'soleimani-2020';

describeWithServer('LTI deep linking, and the links it places, on %s', (ctx) => {
  const lti = useLtiPlatform(ctx);

  /** The teacher's "add an activity" in the LMS, up to the picker's request id. */
  async function startDeepLinking(user: LmsUser = instructor()) {
    const teacher = lti.browser();
    const plan = lti.platform.deepLinking.plan(user, ctx.server.baseUrl);
    const launched = await teacher.launch(lti.platform, plan);
    expect(launched.status, launched.body).toBe(303);
    const requestId = /^\/teach\?lti-request=([\w-]+)$/.exec(launched.location ?? '')?.[1];
    if (!requestId) throw new Error(`the launch went to ${launched.location ?? 'nowhere'}`);
    return { teacher, api: teacher.api(), requestId, data: plan.data, user };
  }

  /** The browser takes the answer page's form to the LMS, as its script does. */
  async function sendToLms(teacher: LtiBrowser, sendUrl: string) {
    const answerPage = await teacher.api().get<string>(sendUrl);
    const html = answerPage.body;
    expect(answerPage.status, html).toBe(200);
    // Its policy lets the page post to the LMS, and only there.
    const policy = answerPage.headers.get('content-security-policy');
    expect(policy).toContain(`form-action ${lti.platform.baseUrl}`);
    // The LMS that shows "add an activity" in a frame may show this page there too.
    expect(policy).toContain(`frame-ancestors 'self' ${lti.platform.baseUrl}`);
    const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1] ?? '';
    const jwt = /<input type="hidden" name="JWT" value="([^"]+)">/.exec(html)?.[1] ?? '';
    const posted = await fetch(action, {
      method: 'POST',
      body: new URLSearchParams({ JWT: jwt }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    return { status: posted.status, body: await posted.text(), action };
  }

  /** A lesson placed in the course by deep linking: the content item the LMS received. */
  async function placeLesson(mode: 'self-paced' | 'teacher-paced') {
    const started = await startDeepLinking();
    const placed = await started.api.post<DeepLinkingAnswer>(
      `/api/lti/deep-links/${started.requestId}/placement`,
      { lessonId: BUILT_IN_LESSON, mode },
    );
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const sent = await sendToLms(started.teacher, placed.body.sendUrl);
    expect(sent.status, sent.body).toBe(200);
    const answer = lti.platform.deepLinking.answers.find((a) => a.data === started.data);
    const item = answer?.contentItems[0];
    if (!item) throw new Error('the LMS kept no content item');
    return { ...started, item };
  }

  const sessionIdOf = (location: string | null, prefix: string) =>
    new RegExp(`^${prefix}/([\\w-]+)$`).exec(location ?? '')?.[1] ?? '';

  it('places a lesson: the LMS gets a signed link, the teacher lands on its session, learners join it', async () => {
    const { teacher, api, requestId, item, user } = await (async () => {
      const started = await startDeepLinking();
      const described = await started.api.get<DeepLinkingRequestView>(
        `/api/lti/deep-links/${started.requestId}`,
      );
      expect(described.status).toBe(200);
      expect(described.body).toMatchObject({
        requestId: started.requestId,
        platform: lti.platform.issuer,
      });
      const placed = await started.api.post<DeepLinkingAnswer>(
        `/api/lti/deep-links/${started.requestId}/placement`,
        { lessonId: BUILT_IN_LESSON, mode: 'self-paced' },
      );
      expect(placed.status).toBe(201);
      const sent = await sendToLms(started.teacher, placed.body.sendUrl);
      expect(sent.action).toBe(`${lti.platform.baseUrl}/deep-link-return`);
      expect(sent.status, sent.body).toBe(200);
      expect(sent.body).toContain('Activity added');
      const answer = lti.platform.deepLinking.answers.find((a) => a.data === started.data);
      return { ...started, item: answer?.contentItems[0] };
    })();
    if (!item) throw new Error('the LMS kept no content item');
    const placementId = item.custom.placement ?? '';
    expect(item).toEqual({
      type: 'ltiResourceLink',
      title: expect.any(String) as unknown,
      text: 'A self-paced lesson: students work through it on their own.',
      url: `${ctx.server.baseUrl}/lti/launch`,
      custom: { placement: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown },
      lineItem: { scoreMaximum: 100, label: item.title, resourceId: placementId },
    });
    // The picker's request is spent.
    expectRefusal(await api.get(`/api/lti/deep-links/${requestId}`), 409, 'deep_link_used');

    // The LMS's new link: the teacher's launch lands on its session, made on this first launch.
    const resourceLinkId = randomUUID();
    const launched = await teacher.launch(
      lti.platform,
      lti.platform.deepLinking.launchOfItem(item, user, resourceLinkId),
    );
    expect(launched.status, launched.body).toBe(303);
    const sessionId = sessionIdOf(launched.location, '/teach/sessions');
    const view = await api.get<TeacherSessionView>(`/api/sessions/${sessionId}`);
    expect(view.status).toBe(200);
    expect(view.body.session).toMatchObject({ lessonId: BUILT_IN_LESSON, mode: 'self-paced' });

    // Two learners launch into that session under their LMS names.
    const adaUser = learner('Ada Lovelace');
    const ada = lti.browser();
    const adaPlan = lti.platform.deepLinking.launchOfItem(item, adaUser, resourceLinkId);
    const adaLaunch = await ada.launch(lti.platform, adaPlan);
    expect(adaLaunch.location).toBe(`/live/${sessionId}`);
    const ben = lti.browser();
    const benPlan = lti.platform.deepLinking.launchOfItem(
      item,
      learner('Ben Okri'),
      resourceLinkId,
    );
    expect((await ben.launch(lti.platform, benPlan)).location).toBe(`/live/${sessionId}`);
    const adaMe = await ada.api().get<StudentSessionView>(`/api/sessions/${sessionId}/me`);
    expect(adaMe.body.me.displayName).toBe('Ada Lovelace');

    // Ada again on another device: the same participant, not a third student.
    const adaPhone = lti.browser();
    const phonePlan = lti.platform.deepLinking.launchOfItem(item, adaUser, resourceLinkId);
    expect((await adaPhone.launch(lti.platform, phonePlan)).location).toBe(`/live/${sessionId}`);
    const phoneMe = await adaPhone.api().get<StudentSessionView>(`/api/sessions/${sessionId}/me`);
    expect(phoneMe.body.me.id).toBe(adaMe.body.me.id);
    const after = await api.get<TeacherSessionView>(`/api/sessions/${sessionId}`);
    expect(after.body.participants.map((p) => p.displayName).sort()).toEqual([
      'Ada Lovelace',
      'Ben Okri',
    ]);

    // The teacher's next launch of the link opens the same session.
    const again = await lti
      .browser()
      .launch(lti.platform, lti.platform.deepLinking.launchOfItem(item, user, resourceLinkId));
    expect(again.location).toBe(`/teach/sessions/${sessionId}`);
    // So does a launch whose LMS left the custom claim out: the link knows its session.
    const bare = await lti.browser().launch(lti.platform, { user, resourceLinkId });
    expect(bare.location).toBe(`/teach/sessions/${sessionId}`);
  });

  it('makes the session on the first launch, a learner’s, owned by the placing teacher in its mode', async () => {
    const { api, item } = await placeLesson('teacher-paced');
    const resourceLinkId = randomUUID();
    const first = await lti
      .browser()
      .launch(
        lti.platform,
        lti.platform.deepLinking.launchOfItem(item, learner('Cleo'), resourceLinkId),
      );
    const sessionId = sessionIdOf(first.location, '/live');
    const view = await api.get<TeacherSessionView>(`/api/sessions/${sessionId}`);
    expect(view.status).toBe(200);
    expect(view.body.session.mode).toBe('teacher-paced');
    expect(view.body.participants.map((p) => p.displayName)).toEqual(['Cleo']);

    // The same item placed again by the LMS (a copied course) is another link: its own session.
    const copied = await lti
      .browser()
      .launch(
        lti.platform,
        lti.platform.deepLinking.launchOfItem(item, learner('Dev'), randomUUID()),
      );
    expect(sessionIdOf(copied.location, '/live')).not.toBe(sessionId);
  });

  it('answers a cancel with no content item', async () => {
    const { teacher, api, requestId, data } = await startDeepLinking();
    const cancelled = await api.post<DeepLinkingAnswer>(`/api/lti/deep-links/${requestId}/cancel`);
    expect(cancelled.status).toBe(200);
    const sent = await sendToLms(teacher, cancelled.body.sendUrl);
    expect(sent.body).toContain('Nothing added');
    expect(lti.platform.deepLinking.answers.find((a) => a.data === data)?.contentItems).toEqual([]);
  });

  it('refuses a learner’s deep linking, and an LMS that takes no resource link', async () => {
    const byLearner = await lti
      .browser()
      .launch(lti.platform, lti.platform.deepLinking.plan(learner('Eve'), ctx.server.baseUrl));
    expectRefused(byLearner, 403, 'deep_linking_not_allowed', /Only a teacher/);
    const filesOnly = lti.platform.deepLinking.plan(instructor(), ctx.server.baseUrl, {
      accept_types: ['file'],
    });
    expectRefused(
      await lti.browser().launch(lti.platform, filesOnly),
      400,
      'unsupported_content_type',
      /accepts file here/,
    );
  });

  it('refuses NUL bytes and huge fields in the request and in the pick', async () => {
    for (const settings of [
      { data: 'a\0b' },
      { data: 'x'.repeat(5000) },
      { deep_link_return_url: `${lti.platform.baseUrl}/\0` },
    ]) {
      const plan = lti.platform.deepLinking.plan(instructor(), ctx.server.baseUrl, settings);
      const result = await lti.browser().launch(lti.platform, plan);
      expectRefused(result, 400, 'bad_claims', new RegExp(DEEP_LINKING_CLAIMS.settings));
    }
    // A token too big for a form is refused before it is read.
    const huge = lti.platform.deepLinking.plan(instructor(), ctx.server.baseUrl, {
      data: 'x'.repeat(2_000_000),
    });
    expect((await lti.browser().launch(lti.platform, huge)).status).toBe(413);

    const { api, requestId } = await startDeepLinking();
    const path = `/api/lti/deep-links/${requestId}/placement`;
    for (const lessonId of ['soleimani\0', 'x'.repeat(10_000)]) {
      expectRefusal(await api.post(path, { lessonId, mode: 'self-paced' }), 400, 'invalid_input');
    }
    expectRefusal(
      await api.post(path, { lessonId: BUILT_IN_LESSON, mode: 'live' }),
      400,
      'invalid_input',
    );
    // None of these spent the request.
    expect((await api.get(`/api/lti/deep-links/${requestId}`)).status).toBe(200);
  });

  it('answers a request once, within the hour, and only to its teacher', async () => {
    const { api, requestId } = await startDeepLinking();
    const base = `/api/lti/deep-links/${requestId}`;
    const stranger = await signUpTeacher(ctx.server.baseUrl, 'Other Teacher');
    expectRefusal(await stranger.get(base), 404, 'deep_link_not_found');
    const pick = { lessonId: BUILT_IN_LESSON, mode: 'self-paced' };
    expectRefusal(await stranger.post(`${base}/placement`, pick), 404, 'deep_link_not_found');
    expectRefusal(await api.get('/api/lti/deep-links/not-an-id'), 404, 'deep_link_not_found');
    expectRefusal(await api.get(`/api/lti/deep-links/${randomUUID()}`), 404, 'deep_link_not_found');
    expectRefusal(await new ApiClient(ctx.server.baseUrl).get(base), 401, 'not_signed_in');

    const placed = await api.post<DeepLinkingAnswer>(`${base}/placement`, pick);
    expect(placed.status).toBe(201);
    expectRefusal(await api.post(`${base}/placement`, pick), 409, 'deep_link_used');
    expectRefusal(await api.post(`${base}/cancel`), 409, 'deep_link_used');
    // The answer page is its teacher's only.
    const strangersPage = await stranger.get<string>(placed.body.sendUrl);
    expect(strangersPage.status).toBe(404);
    expect(strangersPage.body).toContain('There is no such request from your LMS');
    expect(strangersPage.body).not.toContain('name="JWT"');

    const late = await startDeepLinking();
    await ctx.server.db.query(
      "UPDATE lti_deep_linking_requests SET expires_at = now() - interval '1 minute' WHERE id = $1",
      [late.requestId],
    );
    const lateBase = `/api/lti/deep-links/${late.requestId}`;
    expectRefusal(await late.api.get(lateBase), 410, 'deep_link_expired');
    expectRefusal(await late.api.post(`${lateBase}/placement`, pick), 410, 'deep_link_expired');
    // Housekeeping drops it; then it is not found at all.
    const report = await ctx.server.app.housekeeping.sweep();
    expect(report.ltiDeepLinkingRequestsDeleted).toBeGreaterThanOrEqual(1);
    expectRefusal(await late.api.get(lateBase), 404, 'deep_link_not_found');
  });

  it('refuses a draft lesson, and a placement unknown or of another LMS', async () => {
    const { api, requestId, item } = await (async () => {
      const placed = await placeLesson('self-paced');
      const next = await startDeepLinking(placed.user);
      return { ...next, item: placed.item };
    })();
    const draft = await api.post<{ summary: { lessonId: string } }>('/api/lessons', {
      draft: { title: 'Unfinished' },
    });
    expect(draft.status).toBe(201);
    expectRefusal(
      await api.post(`/api/lti/deep-links/${requestId}/placement`, {
        lessonId: draft.body.summary.lessonId,
        mode: 'self-paced',
      }),
      409,
      'lesson_not_published',
    );

    const unknown = { ...item, custom: { placement: randomUUID() } };
    const byUnknown = await lti
      .browser()
      .launch(
        lti.platform,
        lti.platform.deepLinking.launchOfItem(unknown, learner('Fay'), randomUUID()),
      );
    expectRefused(byUnknown, 400, 'unknown_placement', /does not know for your LMS/);
    for (const placement of ['p\0', 'x'.repeat(5000)]) {
      const garbled = { ...item, custom: { placement } };
      const plan = lti.platform.deepLinking.launchOfItem(garbled, learner('Hal'), randomUUID());
      expectRefused(
        await lti.browser().launch(lti.platform, plan),
        400,
        'unknown_placement',
        /not one this tool made/,
      );
    }

    const other = await TestLtiPlatform.start();
    try {
      await registerLtiPlatform(ctx.server.db, other.registration());
      const crossed = await new LtiBrowser(ctx.server.baseUrl).launch(
        other,
        other.deepLinking.launchOfItem(item, learner('Gus'), randomUUID()),
      );
      expectRefused(crossed, 400, 'unknown_placement', /does not know for your LMS/);
    } finally {
      await other.close();
    }
  });
});
