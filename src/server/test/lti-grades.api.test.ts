import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { LtiGradesView } from '#domain/api/lti-contracts';
import type { StudentSessionView } from '#domain/api/live-contracts';
import type { StudentDataExport } from '#domain/api/student-data-contracts';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { Lesson, WritingItem } from '#domain/lesson/lesson-schema';
import { rubricTotal } from '#domain/lesson/rubric';
import { utcDayOf } from '#domain/forecasting/days';
import { LTI_SERVICE_CLAIMS } from '#domain/lti/service-claims';
import { LTI_SCOPES } from '#domain/lti/service-token';
import { findPlatformById } from '../repositories/lti-platforms.repository';
import { setResourceLinkSession } from '../repositories/lti-resource-links.repository';
import {
  type ApiClient,
  createLiveSession,
  expectRefusal,
  signUpTeacher,
  submitAnswer,
} from './api-client';
import { publishedLesson } from './lesson-library-fixtures';
import { instructor, learner, useLtiPlatform, type LtiFixture } from './lti-fixtures';
import type { LmsUser } from './lti-platform';
import type { ServerContext } from './use-test-server';
import { describeWithServer } from './use-test-server';

const sections = soleimaniLesson.sections;
const allItems = sections.flatMap((section) => section.items);
const prompt = allItems.find((item) => item.kind === 'prompt')!;
const forecast = allItems.find((item) => item.kind === 'forecast')!;
const letter = allItems.find((item): item is WritingItem => item.kind === 'writing')!;

/** One section: a prompt, a forecast of two open scenarios, a letter: three items to answer. */
const gradedLesson: Lesson = {
  ...structuredClone(soleimaniLesson),
  id: 'graded-discussion',
  metadata: { ...soleimaniLesson.metadata, title: 'Graded discussion' },
  sections: [
    {
      ...sections[0]!,
      items: [
        prompt,
        {
          ...forecast,
          scenarios: [
            { id: 'strike', statement: forecast.scenarios[0]!.statement },
            { id: 'talks', statement: forecast.scenarios[1]!.statement },
          ],
        },
        letter,
      ],
    },
  ],
  glossary: [],
};

/** A teacher's LMS link opening a session of the graded lesson. */
async function gradedLink(
  ctx: ServerContext,
  lti: LtiFixture,
  mode: 'self-paced' | 'teacher-paced' = 'self-paced',
) {
  const resourceLinkId = randomUUID();
  const teacher = lti.browser();
  expect((await teacher.launch(lti.platform, { user: instructor(), resourceLinkId })).status).toBe(
    303,
  );
  const lesson = await publishedLesson(teacher.api(), gradedLesson);
  const { session } = await createLiveSession(teacher.api(), mode, lesson.summary.lessonId);
  // Deep linking will tie the link to its session; until then the test does.
  const key = {
    platformId: lti.platformId,
    deploymentId: lti.platform.deploymentId,
    resourceLinkId,
  };
  expect(await setResourceLinkSession(ctx.server.db, key, session.id)).toBe(true);
  const base = `/api/sessions/${session.id}`;
  /** A learner launching the link: their API client and participant id. */
  const arrive = async (user: LmsUser) => {
    const browser = lti.browser();
    const launched = await browser.launch(lti.platform, { user, resourceLinkId });
    expect(launched.location).toBe(`/live/${session.id}`);
    const student = browser.api();
    const me = await student.get<StudentSessionView>(`${base}/me`);
    return { student, id: me.body.me.id, sub: user.sub };
  };
  return { teacher: teacher.api(), base, arrive, resourceLinkId };
}

const answerAll = async (
  student: ApiClient,
  base: string,
  forecastOf: Record<string, number>,
  letterText = 'To the editor: a letter.',
) => {
  await submitAnswer(student, base, prompt.id, { kind: 'prompt', text: 'It was a strike.' });
  await submitAnswer(student, base, forecast.id, { kind: 'forecast', probabilities: forecastOf });
  await submitAnswer(student, base, letter.id, { kind: 'writing', text: letterText });
};

/** Grades are worked out a moment after a change, later still on a busy machine. */
const POLL = { timeout: 15_000 };

const gradesOf = async (teacher: ApiClient, base: string) => {
  const response = await teacher.get<LtiGradesView>(`${base}/lti/grades`);
  expect(response.status).toBe(200);
  return response.body;
};

describeWithServer('grades sent back to the LMS (LTI AGS) on %s', (ctx) => {
  const lti = useLtiPlatform(ctx);
  const scores = () => lti.platform.services;
  // A test that fails midway leaves no endpoint failing for the next.
  afterEach(() => {
    for (const endpoint of ['token', 'lineitems', 'scores', 'members'] as const) {
      scores().recover(endpoint);
    }
  });
  const lastScoreOf = async (sub: string, count: number) => {
    await expect.poll(() => scores().scoresOf(sub).length, POLL).toBeGreaterThanOrEqual(count);
    return scores().scoresOf(sub).at(-1)!;
  };

  it('sends a student’s grade when they finish and again when it changes, as the teacher’s page shows it', async () => {
    const { teacher, base, arrive, resourceLinkId } = await gradedLink(ctx, lti);
    const ada = await arrive(learner('Ada'));
    const ben = await arrive(learner('Ben'));

    // Ada answers all three items: self-paced, she has finished. Ben answers two of three.
    await answerAll(ada.student, base, { strike: 80, talks: 30 });
    await submitAnswer(ben.student, base, prompt.id, { kind: 'prompt', text: 'Not sure.' });
    await submitAnswer(ben.student, base, forecast.id, {
      kind: 'forecast',
      probabilities: { strike: 40, talks: 50 },
    });

    // Completion 3 of 3 = 100; the forecast and the letter are still to be marked.
    const first = await lastScoreOf(ada.sub, 1);
    expect(first).toMatchObject({
      userId: ada.sub,
      scoreGiven: 100,
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'Pending',
    });
    expect(first.comment).toMatch(/^Completion 100% \(3 of 3 items answered\)\. Grade 100 /);
    // One line item for the link, made by the tool in the course's container.
    const items = [...scores().lineItems.values()].filter(
      (i) => i.resourceLinkId === resourceLinkId,
    );
    expect(items).toEqual([
      expect.objectContaining({ scoreMaximum: 100, label: 'Discuss the article' }),
    ]);
    expect(first.lineItemId).toBe(items[0]!.id);
    expect(scores().scoresOf(ben.sub)).toEqual([]);

    // The LMS records a score before it answers; the tool marks it sent once it has answered.
    const sentView = async () => {
      const current = await gradesOf(teacher, base);
      return current.students.every((s) => s.status !== 'pending') ? current : null;
    };
    await expect.poll(sentView, POLL).not.toBeNull();
    let view = await gradesOf(teacher, base);
    expect(view.students.map(({ label, grade, status }) => ({ label, grade, status }))).toEqual([
      { label: 'Ada', grade: 100, status: 'sent' },
      // Ben's grade so far, not sent: 2 of 3 = 66.7; no forecast scored yet.
      { label: 'Ben', grade: 66.7, status: 'not-finished' },
    ]);

    // The forecast resolves: strike happened, talks did not (a one-day window: today).
    const today = utcDayOf(new Date());
    const source = 'https://news.example/report';
    const resolved = await teacher.put(`${base}/forecasts/${forecast.id}/resolution`, {
      scenarios: {
        strike: { outcome: 'yes', resolvedOn: today, sourceUrl: source },
        talks: { outcome: 'no', resolvedOn: today, sourceUrl: source },
      },
    });
    expect(resolved.status).toBe(200);
    // Ada's Brier: ((0.8 − 1)² + 0.3²) / 2 = 0.065, skill 93.5; (100 + 93.5) / 2 = 96.75 → 96.8.
    const second = await lastScoreOf(ada.sub, 2);
    expect(second).toMatchObject({ scoreGiven: 96.8, gradingProgress: 'Pending' });
    expect(second.comment).toContain(
      'Forecast skill 93.5% (100 × (1 − time-weighted Brier 0.065), 1 question scored)',
    );

    // The letter is marked and released: all but one rubric point.
    const total = rubricTotal(letter);
    const marks = Object.fromEntries(
      letter.rubric.map((c, i) => [c.id, i === 0 ? c.points - 1 : c.points]),
    );
    const scored = await teacher.put(`${base}/writing/${letter.id}/participants/${ada.id}`, {
      scores: marks,
      comment: 'Good.',
      release: true,
    });
    expect(scored.status).toBe(200);
    const writing = Math.round((1000 * (total - 1)) / total) / 10;
    const expected = Math.round(((100 + 93.5 + writing) / 3) * 10) / 10;
    const third = await lastScoreOf(ada.sub, 3);
    expect(third).toMatchObject({ scoreGiven: expected, gradingProgress: 'FullyGraded' });
    expect(third.comment).toContain(
      `Writing ${writing}% (${total - 1} of ${total} rubric points, 1 task)`,
    );

    // The teacher ends the session: Ben has finished too. 66.7 and skill 100 × (1 − 0.305) = 69.5.
    expect((await teacher.post(`${base}/end`)).status).toBe(200);
    const bens = await lastScoreOf(ben.sub, 1);
    expect(bens).toMatchObject({
      scoreGiven: 68.1,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });

    // The teacher's page shows the values the LMS received; nothing changed, nothing resent.
    await expect.poll(sentView, POLL).not.toBeNull();
    view = await gradesOf(teacher, base);
    expect(
      view.students.map(({ label, grade, status, comment }) => ({ label, grade, status, comment })),
    ).toEqual([
      { label: 'Ada', grade: third.scoreGiven, status: 'sent', comment: third.comment },
      { label: 'Ben', grade: bens.scoreGiven, status: 'sent', comment: bens.comment },
    ]);
    await ctx.server.app.services.ltiGrades.regrade(base.split('/').at(-1)!);
    expect(scores().scoresOf(ada.sub)).toHaveLength(3);

    // Ada's data export holds the grade as sent.
    const exported = await teacher.get<StudentDataExport>(`${base}/participants/${ada.id}/export`);
    expect(exported.body.lmsGrade).toMatchObject({
      grade: third.scoreGiven,
      comment: third.comment,
      status: 'sent',
    });
  });

  it('retries a grade the LMS failed to take, shows the teacher why, and lets them send it again', async () => {
    const { teacher, base, arrive } = await gradedLink(ctx, lti);
    const cleo = await arrive(learner('Cleo'));
    scores().fail('scores', {
      status: 503,
      body: 'Service Unavailable',
      contentType: 'text/plain',
    });
    await answerAll(cleo.student, base, { strike: 50, talks: 50 });

    await expect
      .poll(async () => (await gradesOf(teacher, base)).students[0]?.status, POLL)
      .toBe('failing');
    let [row] = (await gradesOf(teacher, base)).students;
    expect(row).toMatchObject({ label: 'Cleo', grade: 100, attempts: 1 });
    expect(row?.lastError).toMatch(
      new RegExp(
        `^the LMS ${lti.platform.issuer} \\(client id ${lti.platform.clientId}\\) refused the score at .+/scores: it answered 503: "Service Unavailable"\\.$`,
      ),
    );
    expect(row?.nextAttemptAt).not.toBeNull();

    // The worker tries again with backoff, and gives up after the last attempt.
    const grades = ctx.server.app.services.ltiGrades;
    for (let hours = 1; hours <= 6; hours += 1) {
      await grades.sendDue(new Date(Date.now() + hours * 3600 * 1000));
    }
    [row] = (await gradesOf(teacher, base)).students;
    expect(row).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null });
    expect(scores().scoresOf(cleo.sub)).toEqual([]);

    // The LMS is back: the teacher's retry sends it.
    scores().recover('scores');
    const retried = await teacher.post<LtiGradesView>(`${base}/lti/grades/retry`, {
      participantId: cleo.id,
    });
    expect(retried.status).toBe(200);
    expect(retried.body.students[0]).toMatchObject({ status: 'sent', grade: 100, lastError: null });
    expect(scores().scoresOf(cleo.sub)).toHaveLength(1);
  });

  it('asks for a new token when the LMS revoked the one kept, and sends on the next attempt', async () => {
    const { teacher, base, arrive } = await gradedLink(ctx, lti);
    const ivy = await arrive(learner('Ivy'));
    // The tool holds a token for scores, which the LMS then revokes.
    const platform = await findPlatformById(ctx.server.db, lti.platformId);
    if (!platform) throw new Error('the test platform is not registered');
    await ctx.server.app.services.ltiServiceTokens.accessToken(platform, [LTI_SCOPES.score]);
    scores().revokeTokens();
    await answerAll(ivy.student, base, { strike: 20, talks: 20 });
    await expect
      .poll(async () => (await gradesOf(teacher, base)).students[0]?.lastError ?? null, {
        ...POLL,
      })
      .toMatch(
        /refused the score at .+: it answered 401: "\{\\"error\\":\\"invalid_token\\"\}"\.$/,
      );
    await ctx.server.app.services.ltiGrades.sendDue(new Date(Date.now() + 3600 * 1000));
    expect((await gradesOf(teacher, base)).students[0]).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
    expect(scores().scoresOf(ivy.sub)).toHaveLength(1);
  });

  it('sends nothing for a student removed or deleted before their grade went out', async () => {
    const { teacher, base, arrive } = await gradedLink(ctx, lti);
    const dan = await arrive(learner('Dan'));
    const eve = await arrive(learner('Eve'));
    scores().fail('scores', { status: 500, body: 'down' });
    await answerAll(dan.student, base, { strike: 60, talks: 40 });
    await answerAll(eve.student, base, { strike: 60, talks: 40 });
    await expect
      .poll(async () => (await gradesOf(teacher, base)).students.map((s) => s.status), POLL)
      .toEqual(['failing', 'failing']);

    expect((await teacher.delete(`${base}/participants/${dan.id}`)).status).toBe(200);
    expect((await teacher.delete(`${base}/participants/${eve.id}/data`)).status).toBe(200);
    await expect
      .poll(async () => (await gradesOf(teacher, base)).students, POLL)
      .toEqual([expect.objectContaining({ label: 'Dan', status: 'cancelled' })]);

    scores().recover('scores');
    await ctx.server.app.services.ltiGrades.sendDue(new Date(Date.now() + 24 * 3600 * 1000));
    const retried = await teacher.post<LtiGradesView>(`${base}/lti/grades/retry`, {});
    expect(retried.body.students).toEqual([
      expect.objectContaining({ label: 'Dan', status: 'cancelled' }),
    ]);
    expect(scores().scoresOf(dan.sub)).toEqual([]);
    expect(scores().scoresOf(eve.sub)).toEqual([]);
  });

  it('names the LMS and what it answered when it sends junk or a flood instead of a line item', async () => {
    const { teacher, base, arrive } = await gradedLink(ctx, lti);
    const fay = await arrive(learner('Fay'));
    scores().fail('lineitems', {
      status: 200,
      body: '<html>Gradebook</html>',
      contentType: 'text/html',
    });
    await answerAll(fay.student, base, { strike: 10, talks: 90 });
    await expect
      .poll(async () => (await gradesOf(teacher, base)).students[0]?.lastError, POLL)
      .toMatch(
        /did not make a line item at .+\/lineitems: it answered 200: "<html>Gradebook<\/html>"\.$/,
      );

    scores().fail('lineitems', { status: 200, body: `[${'{"id":1},'.repeat(40_000)}{}]` });
    await ctx.server.app.services.ltiGrades.sendDue(new Date(Date.now() + 3600 * 1000));
    expect((await gradesOf(teacher, base)).students[0]?.lastError).toMatch(
      /\/lineitems\?resource_link_id=.+ answered \d+ bytes, more than the 262144 allowed\.$/,
    );
    scores().recover('lineitems');
  });

  it('sends to the line item the LMS named in the launch, making none', async () => {
    const { base, resourceLinkId } = await gradedLink(ctx, lti);
    const lineItem = `${lti.platform.baseUrl}/lineitems/${randomUUID()}`;
    scores().lineItems.set(lineItem, { id: lineItem, scoreMaximum: 100, label: 'Week 3' });
    const claims = {
      [LTI_SERVICE_CLAIMS.gradeService]: {
        scope: [LTI_SCOPES.score],
        lineitem: lineItem,
      },
    };
    const hana = learner('Hana');
    const browser = lti.browser();
    expect(
      (await browser.launch(lti.platform, { user: hana, resourceLinkId, claims })).status,
    ).toBe(303);
    const student = browser.api();
    await answerAll(student, base, { strike: 50, talks: 50 });
    const sent = await lastScoreOf(hana.sub, 1);
    expect(sent).toMatchObject({ lineItemId: lineItem, scoreGiven: 100 });
    expect(
      [...scores().lineItems.values()].filter((i) => i.resourceLinkId === resourceLinkId),
    ).toEqual([]);
  });

  it('tells the teacher when the LMS described its grade service in a shape LTI does not allow', async () => {
    const { session, teacher, resourceLinkId } = await lti.linkWithSession();
    const gus = learner('Gus');
    const launched = await lti.browser().launch(lti.platform, {
      user: gus,
      resourceLinkId,
      claims: { [LTI_SERVICE_CLAIMS.gradeService]: { scope: 'score', lineitems: 'not a url' } },
    });
    expect(launched.status).toBe(303);
    const view = await gradesOf(teacher.api(), `/api/sessions/${session.id}`);
    expect(view.link).toMatchObject({ hasGradeService: true });
    expect(view.link?.serviceProblem).toMatch(
      /^The launch's claim https:\/\/purl\.imsglobal\.org\/spec\/lti-ags\/claim\/endpoint\.scope is malformed \(.+\): the service is not used\.$/,
    );
  });

  it('shows another teacher nothing of these grades, and lets them retry none', async () => {
    const { base } = await gradedLink(ctx, lti);
    const stranger = await signUpTeacher(ctx.server.baseUrl);
    expectRefusal(await stranger.get(`${base}/lti/grades`), 404, 'session_not_found');
    expectRefusal(await stranger.post(`${base}/lti/grades/retry`, {}), 404, 'session_not_found');
  });
});
