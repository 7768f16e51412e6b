import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type {
  ForecastVersion,
  StudentForecastsView,
  TeacherForecastQuestion,
  TeacherForecastsView,
} from '#domain/api/forecast-contracts';
import type { SessionReport } from '#domain/api/dashboard-contracts';
import type { JoinResponse } from '#domain/api/live-contracts';
import type { StudentDataExport } from '#domain/api/student-data-contracts';
import { addDays } from '#domain/forecasting/days';
import { parseCsv } from '#domain/reports/csv';
import { ApiClient, expectRefusal, signUpTeacher, submitAnswer } from './api-client';
import { classOfForecasters, FUTURE_ITEM, useForecastServer } from './forecast-fixtures';
import { describeEachStorage } from './use-test-server';

const forecast = (strike: number, talks: number) => ({
  kind: 'forecast' as const,
  probabilities: { strike, talks },
});

describeEachStorage('forecasts that live past the lesson (%s)', (kind) => {
  const context = useForecastServer(kind);

  const forecastClass = () => classOfForecasters(context);

  const myForecasts = async (student: ApiClient, base: string) => {
    const response = await student.get<StudentForecastsView>(`${base}/my-forecasts`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const update = (student: ApiClient, base: string, body: unknown) =>
    student.post<ForecastVersion>(`${base}/my-forecasts/${FUTURE_ITEM}`, body);

  it('keeps the in-class answer as one version, replaced while the session is open', async () => {
    const { base, ana } = await forecastClass();
    await submitAnswer(ana.student, base, FUTURE_ITEM, forecast(60, 20), 1);
    await submitAnswer(ana.student, base, FUTURE_ITEM, forecast(70, 20), 2);
    const view = await myForecasts(ana.student, base);
    const [question] = view.questions;
    expect(question?.status).toBe('open');
    expect(question?.closesOn).toBe(addDays(context.clock.today(), 30));
    expect(question?.myVersions).toEqual([
      expect.objectContaining({
        inClass: true,
        reason: null,
        probabilities: { strike: 70, talks: 20 },
      }),
    ]);
  });

  it('never shows a page from before a change: an in-class answer replaced, a student removed', async () => {
    const { teacher, base, ana, ben } = await forecastClass();
    await submitAnswer(ana.student, base, FUTURE_ITEM, forecast(60, 20), 1);
    await submitAnswer(ben.student, base, FUTURE_ITEM, forecast(10, 20), 1);
    const latestOf = async () => {
      const page = await teacher.get<TeacherForecastsView>(`${base}/forecasts`);
      return page.body.questions[0]?.students.map((s) => [s.label, s.latest?.probabilities.strike]);
    };
    expect(await latestOf()).toEqual([
      ['Ana', 60],
      ['Ben', 10],
    ]);
    // Replaced in place (the same version), then read again.
    await submitAnswer(ana.student, base, FUTURE_ITEM, forecast(65, 20), 2);
    expect(await latestOf()).toEqual([
      ['Ana', 65],
      ['Ben', 10],
    ]);
    const removed = await teacher.delete(`${base}/participants/${ben.joined.participant.id}`);
    expect(removed.status).toBeLessThan(300);
    expect(await latestOf()).toEqual([['Ana', 65]]);
    expect((await myForecasts(ana.student, base)).questions[0]?.forecasterCount).toBe(1);
  });

  it('takes updates with a reason after the session ended, on another device', async () => {
    const { teacher, base, code, ana } = await forecastClass();
    await submitAnswer(ana.student, base, FUTURE_ITEM, forecast(60, 20));
    expect((await teacher.post(`${base}/end`)).status).toBe(200);
    context.clock.passDays(3);
    try {
      const device = new ApiClient(context.server.baseUrl);
      const signedIn = await device.post<JoinResponse>('/api/forecasts/sign-in', {
        code,
        displayName: 'Ana',
        rejoinCode: ana.joined.participant.rejoinCode,
      });
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
      expect(signedIn.body.sessionId).toBe(base.split('/').pop());
      expect(signedIn.body.participant.rejoinCode).not.toBe(ana.joined.participant.rejoinCode);

      expectRefusal(
        await update(device, base, { probabilities: { strike: 80, talks: 10 } }),
        400,
        'reason_required',
        'reason',
      );
      const made = await update(device, base, {
        probabilities: { strike: 80, talks: 10 },
        reason: 'The talks were called off.',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body).toMatchObject({ inClass: false, reason: 'The talks were called off.' });
      const view = await myForecasts(device, base);
      expect(view.sessionStatus).toBe('ended');
      expect(view.questions[0]?.myVersions.map((v) => v.probabilities.strike)).toEqual([60, 80]);
      // The ended session's stream still carries a resolution to the student's page.
      const stream = await device.openStream(`${base}/events`);
      await teacher.put(`${base}/forecasts/${FUTURE_ITEM}/resolution`, {
        scenarios: { talks: { outcome: 'annulled', resolvedOn: context.clock.today() } },
      });
      expect((await stream.nextOf('forecast.resolved')).data).toMatchObject({
        itemId: FUTURE_ITEM,
      });
      stream.close();
      // The old device was signed out; the teacher's answers follow the newest version.
      expect((await ana.student.get(`${base}/my-forecasts`)).status).toBe(401);
      const csv = await teacher.get(`${base}/answers.csv`);
      expect(String(csv.body)).toContain('80');
    } finally {
      context.clock.passDays(-3);
    }
  });

  it('refuses a wrong rejoin code, and an update to a question not in the lesson', async () => {
    const { code, base, ana } = await forecastClass();
    expectRefusal(
      await new ApiClient(context.server.baseUrl).post('/api/forecasts/sign-in', {
        code,
        displayName: 'Ana',
        rejoinCode: 'ZZZZZZ'.slice(0, ana.joined.participant.rejoinCode.length),
      }),
      403,
      'rejoin_refused',
      'rejoinCode',
    );
    expectRefusal(
      await ana.student.post(`${base}/my-forecasts/no-such-item`, {
        probabilities: { strike: 1 },
      }),
      404,
      'item_not_found',
    );
    expectRefusal(
      await update(ana.student, base, { probabilities: { strike: 50 } }),
      400,
      'invalid_input',
      'probabilities',
    );
  });

  it('closes a question after its close date, and keeps the date from going back', async () => {
    const { teacher, base, ana } = await forecastClass();
    const today = context.clock.today();
    expectRefusal(
      await teacher.put(`${base}/forecasts/${FUTURE_ITEM}/close-date`, {
        closesOn: addDays(today, -1),
      }),
      400,
      'invalid_input',
      'closesOn',
    );
    const set = await teacher.put<TeacherForecastQuestion>(
      `${base}/forecasts/${FUTURE_ITEM}/close-date`,
      { closesOn: today },
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ closesOn: today, isCloseDateSet: true, status: 'open' });
    expect(
      (await update(ana.student, base, { probabilities: { strike: 5, talks: 5 } })).status,
    ).toBe(201);
    context.clock.passDays(1);
    try {
      expectRefusal(
        await update(ana.student, base, { probabilities: { strike: 9, talks: 9 }, reason: 'Late' }),
        409,
        'question_closed',
      );
      const due = await teacher.get<{ questions: { itemId: string; closesOn: string }[] }>(
        '/api/forecasts/due',
      );
      expect(due.body.questions).toEqual([
        expect.objectContaining({ itemId: FUTURE_ITEM, closesOn: today }),
      ]);
    } finally {
      context.clock.passDays(-1);
    }
  });

  it('scores a resolution by the time-weighted Brier, late joiners taking the median, annulled scenarios nobody', async () => {
    const { teacher, base, ana, ben, opensOn } = await forecastClass();
    // Day 0: Ana 70 % in class. Day 2: Ben's first forecast, 40 %. Day 3: Ana updates to 90 %.
    await submitAnswer(ana.student, base, FUTURE_ITEM, forecast(70, 50));
    context.clock.passDays(2);
    const stream = await ana.student.openStream(`${base}/events`);
    try {
      expect(
        (await update(ben.student, base, { probabilities: { strike: 40, talks: 50 } })).status,
      ).toBe(201);
      context.clock.passDays(1);
      const reason = { reason: 'Troops moved to the border.' };
      expect(
        (await update(ana.student, base, { probabilities: { strike: 90, talks: 50 }, ...reason }))
          .status,
      ).toBe(201);
      context.clock.passDays(1);
      // Day 4: resolved yes on day 4 (strike); talks annulled.
      const resolved = await teacher.put<TeacherForecastQuestion>(
        `${base}/forecasts/${FUTURE_ITEM}/resolution`,
        {
          scenarios: {
            strike: {
              outcome: 'yes',
              resolvedOn: addDays(opensOn, 4),
              sourceUrl: 'https://news.example/strike',
            },
            talks: { outcome: 'annulled', resolvedOn: addDays(opensOn, 4) },
          },
        },
      );
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      expect(resolved.body.status).toBe('resolved');
      expect((await stream.nextOf('forecast.resolved')).data).toEqual({
        type: 'forecast.resolved',
        itemId: FUTURE_ITEM,
      });
      // Ana: 70 % on days 0-2, 90 % on days 3-4: (3 × 0.09 + 2 × 0.01) / 5.
      // Ben: the median (Ana's 70 %) on days 0-1, then 40 %: (2 × 0.09 + 3 × 0.36) / 5.
      const byLabel = new Map(resolved.body.students.map((s) => [s.label, s]));
      expect(byLabel.get('Ana')?.timeWeightedBrier).toBeCloseTo(0.058, 10);
      expect(byLabel.get('Ben')?.timeWeightedBrier).toBeCloseTo(0.252, 10);
      const mine = await myForecasts(ana.student, base);
      expect(mine.questions[0]?.myScore?.timeWeightedBrier).toBeCloseTo(0.058, 10);
      expect(mine.questions[0]?.myScore?.scenarios.map((s) => s.scenarioId)).toEqual(['strike']);
      expect(mine.questions[0]?.scenarios[1]?.resolution).toMatchObject({
        outcome: 'annulled',
        source: 'teacher',
      });
      expect(mine.myCalibration.forecastCount).toBe(1);
      expectRefusal(
        await update(ana.student, base, { probabilities: { strike: 1, talks: 1 }, ...reason }),
        409,
        'question_closed',
      );
    } finally {
      stream.close();
      context.clock.passDays(-4);
    }
  });

  it('refuses a yes without a source and a resolution day in the future', async () => {
    const { teacher, base } = await forecastClass();
    const path = `${base}/forecasts/${FUTURE_ITEM}/resolution`;
    const today = context.clock.today();
    expectRefusal(
      await teacher.put(path, { scenarios: { strike: { outcome: 'yes', resolvedOn: today } } }),
      400,
      'invalid_input',
    );
    expectRefusal(
      await teacher.put(path, {
        scenarios: {
          strike: { outcome: 'no', resolvedOn: addDays(today, 1), sourceUrl: 'https://a.example' },
        },
      }),
      400,
      'invalid_input',
      'scenarios.strike.resolvedOn',
    );
  });

  it("answers 404 for another teacher's session and class", async () => {
    const { base } = await forecastClass();
    const other = await signUpTeacher(context.server.baseUrl, 'Other');
    expectRefusal(await other.get(`${base}/forecasts`), 404, 'session_not_found');
    expectRefusal(
      await other.put(`${base}/forecasts/${FUTURE_ITEM}/resolution`, {
        scenarios: { strike: { outcome: 'annulled', resolvedOn: context.clock.today() } },
      }),
      404,
      'session_not_found',
    );
    const made = await other.post<{ id: string }>('/api/classes', { name: 'Period 3' });
    expect(made.status).toBe(201);
    const owner = await signUpTeacher(context.server.baseUrl, 'Owner');
    expectRefusal(await owner.get(`/api/classes/${made.body.id}/forecasts`), 404, 'not_found');
    expectRefusal(await owner.delete(`/api/classes/${made.body.id}`), 404, 'not_found');
    expectRefusal(await owner.get(`/api/classes/${randomUUID()}/forecasts`), 404, 'not_found');
  });

  it('groups sessions in a class whose page lists their questions', async () => {
    const { teacher, view, base } = await forecastClass();
    const made = await teacher.post<{ id: string }>('/api/classes', { name: 'Period 3' });
    expect((await teacher.put(`${base}/class`, { classId: made.body.id })).status).toBe(204);
    const page = await teacher.get<TeacherForecastsView>(`/api/classes/${made.body.id}/forecasts`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.scope).toEqual({ kind: 'class', classId: made.body.id, name: 'Period 3' });
    expect(page.body.questions.map((q) => q.sessionId)).toEqual([view.session.id]);
    expect(page.body.questions[0]?.students.map((s) => s.label)).toEqual(['Ana', 'Ben']);
    const classes = await teacher.get<{ classes: { sessionIds: string[] }[] }>('/api/classes');
    expect(classes.body.classes[0]?.sessionIds).toEqual([view.session.id]);
    expect((await teacher.delete(`/api/classes/${made.body.id}`)).status).toBe(204);
    expect((await teacher.get(`${base}/forecasts`)).status).toBe(200);
  });

  it('exports every version in the CSV, and deleting a student deletes their history', async () => {
    const { teacher, base, ana, ben } = await forecastClass();
    await submitAnswer(ana.student, base, FUTURE_ITEM, forecast(30, 60));
    await update(ana.student, base, {
      probabilities: { strike: 35, talks: 60 },
      reason: '=HYPERLINK("x")',
    });
    await update(ben.student, base, { probabilities: { strike: 10, talks: 10 } });
    const anaId = ana.joined.participant.id;
    const teams = await teacher.put(`${base}/forecast-teams`, {
      teams: [{ name: 'Owls', participantIds: [anaId, ben.joined.participant.id] }],
    });
    expect(teams.status, JSON.stringify(teams.body)).toBe(200);

    const csv = await teacher.get(`${base}/forecasts.csv`);
    expect(csv.status).toBe(200);
    const [header, ...rows] = parseCsv(String(csv.body));
    expect(header).toEqual([
      'student',
      'item_id',
      'question',
      'scenario_id',
      'scenario',
      'percent',
      'reason',
      'made_at',
      'made',
    ]);
    expect(rows.filter((r) => r[0] === 'Ana').map((r) => [r[5], r[6], r[8]])).toEqual([
      ['30', '', 'in class'],
      ['60', '', 'in class'],
      ['35', `'=HYPERLINK("x")`, 'update'],
      ['60', `'=HYPERLINK("x")`, 'update'],
    ]);

    const exported = await teacher.get<StudentDataExport>(`${base}/participants/${anaId}/export`);
    expect(exported.status).toBe(200);
    const exportedJson = exported.body;
    expect(exportedJson.forecasts).toMatchObject({ team: 'Owls', leaderboardOptIn: false });
    expect(exportedJson.forecasts.versions.map((v) => [v.madeIn, v.reason])).toEqual([
      ['class', null],
      ['update', '=HYPERLINK("x")'],
    ]);
    const markdown = await teacher.get(`${base}/participants/${anaId}/export?format=markdown`);
    expect(String(markdown.body)).toContain('## Forecasts made (2 versions)');
    const report = await teacher.get<SessionReport>(`${base}/report`);
    expect(report.body.forecastQuestions[0]?.students.map((s) => s.versionCount)).toEqual([2, 1]);

    const deleted = await teacher.delete(`${base}/participants/${anaId}/data`);
    expect(deleted.status).toBe(200);
    const { rows: left } = await context.server.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM forecast_versions WHERE participant_id = $1)
            + (SELECT count(*) FROM forecast_team_members WHERE participant_id = $1) AS n`,
      [anaId],
    );
    expect(Number(left[0]?.n)).toBe(0);
    const page = await teacher.get<TeacherForecastsView>(`${base}/forecasts`);
    expect(page.body.questions[0]?.students.map((s) => s.label)).toEqual(['Ben']);
    expect(page.body.teams[0]?.members.map((m) => m.label)).toEqual(['Ben']);
  });
});
