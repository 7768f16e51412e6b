import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type {
  ForecastScores,
  ProjectorView,
  ScenarioOutcome,
  SessionReport,
  StudentTranscript,
} from '#domain/api/dashboard-contracts';
import type { StudentSessionView, TeacherSessionView } from '#domain/api/live-contracts';
import { parseCsv } from '#domain/reports/csv';
import { ApiClient, createLiveSession, errorOf, joinAs, expectRefusal } from './api-client';
import { describeWithServer } from './use-test-server';
import {
  DEMOCRAT,
  LEAVES,
  STRIKES,
  TALKS,
  WAR,
  brier,
  dashboardHelpers,
  evaluatePrompt,
  eventOf,
  forecast,
  near,
  prompt,
  thesis,
  thesisPoll,
  thesisPrompt,
} from './dashboard-fixtures';

describeWithServer('the teacher dashboard on %s: forecast outcomes and reports', (ctx) => {
  const { answer, classOf, openReady } = dashboardHelpers(ctx);

  it('reveals forecast outcomes and scores the class and each student', async () => {
    const { teacher, base, students } = await classOf('self-paced', ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = students;
    expect(forecast.scenarios.map((s) => s.id)).toEqual([STRIKES, WAR, LEAVES, TALKS, DEMOCRAT]);
    const anaForecast = { [STRIKES]: 80, [WAR]: 30, [LEAVES]: 10, [TALKS]: 50, [DEMOCRAT]: 60 };
    // Cy gives no forecast (a forecast must give every scenario).
    const benForecast = { [STRIKES]: 20, [WAR]: 70, [LEAVES]: 40, [TALKS]: 30, [DEMOCRAT]: 90 };
    await answer(ana.client, base, forecast.id, { kind: 'forecast', probabilities: anaForecast });
    await answer(ben.client, base, forecast.id, { kind: 'forecast', probabilities: benForecast });

    // The lesson's outcomes, with one edited by the teacher: US forces "left" Iraq.
    const outcomes: Record<string, ScenarioOutcome> = Object.fromEntries(
      forecast.scenarios.map((s) => [
        s.id,
        { happened: s.resolution!.happened, text: s.resolution!.text },
      ]),
    );
    expect(outcomes[LEAVES]!.happened).toBe(false);
    outcomes[LEAVES] = { happened: true, text: 'Edited: our class counts the drawdown.' };
    const happened: Record<string, boolean> = Object.fromEntries(
      Object.entries(outcomes).map(([id, o]) => [id, o.happened]),
    );
    expect(happened).toEqual({
      [STRIKES]: true,
      [WAR]: false,
      [LEAVES]: true,
      [TALKS]: false,
      [DEMOCRAT]: true,
    });

    const { [TALKS]: _left, ...missingOne } = outcomes;
    const missing = await teacher.post(`${base}/outcomes`, {
      itemId: forecast.id,
      outcomes: missingOne,
    });
    expectRefusal(missing, 400, 'invalid_input');
    expect(errorOf(missing).field).toBe('outcomes');
    expect(errorOf(missing).message).toContain('outcomes');
    expect(errorOf(missing).message).toContain(TALKS);
    const extra = await teacher.post(`${base}/outcomes`, {
      itemId: forecast.id,
      outcomes: { ...outcomes, 'no-such-scenario': { happened: true, text: 'x' } },
    });
    expectRefusal(extra, 400, 'invalid_input');
    expect(errorOf(extra).field).toBe('outcomes');
    const notForecast = await teacher.post(`${base}/outcomes`, {
      itemId: thesisPrompt.id,
      outcomes,
    });
    expectRefusal(notForecast, 404, 'item_not_found');
    expectRefusal(
      await teacher.post(`${base}/outcomes`, { itemId: 'no-such-item', outcomes }),
      404,
      'item_not_found',
    );
    // Nothing was revealed by the refused requests.
    expect((await teacher.get<TeacherSessionView>(base)).body.forecastScores).toEqual([]);
    expect((await ana.client.get<StudentSessionView>(`${base}/me`)).body.forecastScores).toEqual(
      [],
    );

    const stream = await openReady(cy.client, base);
    const revealed = await teacher.post<TeacherSessionView>(`${base}/outcomes`, {
      itemId: forecast.id,
      outcomes,
    });
    expect(revealed.status, JSON.stringify(revealed.body)).toBe(200);
    expect(eventOf((await stream.nextOf('outcomes.revealed')).data)).toEqual({
      type: 'outcomes.revealed',
      itemId: forecast.id,
    });

    // Expected figures, from the students' numbers and the teacher's outcomes.
    const given = [anaForecast, benForecast] as Record<string, number>[];
    const avg = (values: number[]) =>
      values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
    const expectedScenarios = forecast.scenarios.map((s) => {
      const values = given.flatMap((f) => (f[s.id] === undefined ? [] : [f[s.id]!]));
      return {
        scenarioId: s.id,
        happened: happened[s.id],
        classMean: avg(values),
        classBrier: avg(values.map((v) => brier(v, happened[s.id]!))),
      };
    });
    // Written out by hand as a check on the check.
    expect(expectedScenarios.map((s) => [s.classMean, s.classBrier])).toEqual([
      [50, near(0.34, 10)],
      [50, near(0.29, 10)],
      [25, near(0.585, 10)],
      [40, near(0.17, 10)],
      [75, near(0.085, 10)],
    ]);
    const studentBrier = (f: Record<string, number>) =>
      avg(Object.entries(f).map(([id, p]) => brier(p, happened[id]!)));
    expect(studentBrier(anaForecast)).toBeCloseTo(0.27, 10);
    expect(studentBrier(benForecast)).toBeCloseTo(0.318, 10);

    const checkClassScores = (scores: ForecastScores) => {
      expect(scores.itemId).toBe(forecast.id);
      expect(scores.outcomes).toEqual(outcomes);
      expect(scores.scenarios).toHaveLength(expectedScenarios.length);
      scores.scenarios.forEach((actual, index) => {
        const expected = expectedScenarios[index]!;
        expect(actual.scenarioId).toBe(expected.scenarioId);
        expect(actual.happened).toBe(expected.happened);
        expect(actual.classMean).toBeCloseTo(expected.classMean!, 10);
        expect(actual.classBrier).toBeCloseTo(expected.classBrier!, 10);
      });
      expect(scores.classMeanBrier).toBeCloseTo(2.94 / 10, 10);
    };

    const teacherScores = revealed.body.forecastScores;
    expect(teacherScores).toHaveLength(1);
    const scores = teacherScores[0]!;
    checkClassScores(scores);
    expect(scores).not.toHaveProperty('mine');
    expect([...(scores.students ?? [])].sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { participantId: ana.id, label: 'Ana', meanBrier: near(0.27, 10) },
      { participantId: ben.id, label: 'Ben', meanBrier: near(0.318, 10) },
    ]);
    // Calibration in fifths: which forecasts fell where, and how many of them came true.
    expect(scores.calibration).toEqual([
      { from: 0, to: 20, forecasts: 1, happened: 1, meanProbability: 10, observedRate: 1 },
      {
        from: 20,
        to: 40,
        forecasts: 3,
        happened: 1,
        meanProbability: near(80 / 3, 10),
        observedRate: near(1 / 3, 10),
      },
      { from: 40, to: 60, forecasts: 2, happened: 1, meanProbability: 45, observedRate: 0.5 },
      { from: 60, to: 80, forecasts: 2, happened: 1, meanProbability: 65, observedRate: 0.5 },
      { from: 80, to: 100, forecasts: 2, happened: 2, meanProbability: 85, observedRate: 1 },
    ]);
    // The same scores on a later read of the teacher's view.
    expect((await teacher.get<TeacherSessionView>(base)).body.forecastScores).toEqual(
      teacherScores,
    );

    // Each student sees the class's figures and their own, never a classmate's.
    const scoresOf = async (client: ApiClient) => {
      const view = await client.get<StudentSessionView>(`${base}/me`);
      expect(view.body.forecastScores).toHaveLength(1);
      const mine = view.body.forecastScores[0]!;
      checkClassScores(mine);
      expect(mine).not.toHaveProperty('students');
      expect(mine).not.toHaveProperty('calibration');
      return mine.mine;
    };
    const perScenario = (f: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(f).map(([id, p]) => [id, near(brier(p, happened[id]!), 10)]),
      );
    expect(await scoresOf(ana.client)).toEqual({
      perScenario: perScenario(anaForecast),
      meanBrier: near(0.27, 10),
    });
    expect(await scoresOf(ben.client)).toEqual({
      perScenario: perScenario(benForecast),
      meanBrier: near(0.318, 10),
    });
    expect(await scoresOf(cy.client)).toEqual({ perScenario: {}, meanBrier: null });

    // The projector shows the class's figures only.
    const projector = await teacher.get<ProjectorView>(`${base}/projector`);
    expect(projector.body.forecastScores).toHaveLength(1);
    expect(projector.body.forecastScores[0]).not.toHaveProperty('students');

    // The forecast's results spread each scenario over ten tenths.
    const results = revealed.body.results.find((r) => r.itemId === forecast.id);
    expect(results?.kind).toBe('forecast');
    if (results?.kind === 'forecast') {
      const strikes = results.scenarios.find((s) => s.scenarioId === STRIKES)!;
      expect(strikes.count).toBe(2);
      expect(strikes.buckets).toHaveLength(10);
      expect(strikes.buckets[2]).toBe(1);
      expect(strikes.buckets[8]).toBe(1);
      expect(strikes.buckets.reduce((sum, n) => sum + n, 0)).toBe(2);
    }
  });

  it('reports a session: figures, every response, summaries and a transcript', async () => {
    const { teacher, id, base, students } = await classOf('self-paced', ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = students;
    const optionId = thesisPoll.options[1]!.id;
    await answer(ana.client, base, thesisPrompt.id, prompt('Ana on the thesis.'));
    await answer(ana.client, base, thesisPoll.id, { kind: 'poll', optionIds: [optionId] });
    await answer(ben.client, base, thesisPrompt.id, prompt('Ben on the thesis.'));
    await answer(ben.client, base, evaluatePrompt.id, prompt('Ben weighs it up.'));
    const summaryText = 'Most of the class read the headline as a question about war.';
    expect(
      (await teacher.post(`${base}/summaries/${thesis.id}`, { text: summaryText })).status,
    ).toBe(200);

    const report = await teacher.get<SessionReport>(`${base}/report`);
    expect(report.status).toBe(200);
    expect(report.body.sessionId).toBe(id);
    expect(report.body.lessonTitle).toBe(lesson.metadata.title);
    expect(report.body.participants.map((p) => [p.id, p.label, p.answers])).toEqual([
      [ana.id, 'Ana', 2],
      [ben.id, 'Ben', 2],
      [cy.id, 'Cy', 0],
    ]);
    const answered: Record<string, number> = {
      [thesisPrompt.id]: 2,
      [thesisPoll.id]: 1,
      [evaluatePrompt.id]: 1,
    };
    expect(report.body.sections).toEqual(
      lesson.sections.map((section) => ({
        sectionId: section.id,
        items: section.items.map((item) => ({ itemId: item.id, answered: answered[item.id] ?? 0 })),
        summary: section.id === thesis.id ? summaryText : null,
      })),
    );
    expect(
      report.body.responses
        .map((r) => [r.label, r.itemId, r.text])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      ['Ana', thesisPrompt.id, 'Ana on the thesis.'],
      ['Ben', thesisPrompt.id, 'Ben on the thesis.'],
      ['Ben', evaluatePrompt.id, 'Ben weighs it up.'],
    ]);
    expect(report.body.forecastScores).toEqual([]);

    const transcript = await teacher.get<StudentTranscript>(
      `${base}/participants/${ana.id}/transcript`,
    );
    expect(transcript.status).toBe(200);
    expect(transcript.body.participant).toMatchObject({ id: ana.id, label: 'Ana' });
    expect(transcript.body.namesHiddenNote).toBeNull();
    expect(
      transcript.body.entries
        .map((e) => ({ itemId: e.itemId, answer: e.answer }))
        .sort((a, b) => a.itemId.localeCompare(b.itemId)),
    ).toEqual(
      [
        { itemId: thesisPrompt.id, answer: prompt('Ana on the thesis.') },
        { itemId: thesisPoll.id, answer: { kind: 'poll', optionIds: [optionId] } },
      ].sort((a, b) => a.itemId.localeCompare(b.itemId)),
    );
    const empty = await teacher.get<StudentTranscript>(`${base}/participants/${cy.id}/transcript`);
    expect(empty.status).toBe(200);
    expect(empty.body.entries).toEqual([]);

    // A student of another session (even the same teacher's) is not in this one.
    const other = await createLiveSession(teacher, 'self-paced');
    const stranger = await joinAs(ctx.server.baseUrl, other.session.joinCode, 'Zed');
    const foreign = await teacher.get(
      `${base}/participants/${stranger.joined.participant.id}/transcript`,
    );
    expectRefusal(foreign, 404, 'not_found');
    expect((await teacher.get(`${base}/participants/${randomUUID()}/transcript`)).status).toBe(404);
  });

  it('exports every answer as a CSV attachment that survives a round trip', async () => {
    const { teacher, base, code, students } = await classOf('self-paced', ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = students;
    const tricky = 'He said, "no war"\nand meant it.';
    const foreign = 'Привет, 世界';
    const formula = '=HYPERLINK("http://evil.example","click")';
    const option = thesisPoll.options[0]!;
    await answer(ana.client, base, thesisPrompt.id, prompt(tricky));
    await answer(ana.client, base, thesisPoll.id, { kind: 'poll', optionIds: [option.id] });
    await answer(ben.client, base, thesisPrompt.id, prompt(foreign));
    await answer(cy.client, base, evaluatePrompt.id, prompt(formula));

    const csv = await teacher.get<string>(`${base}/answers.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(csv.headers.get('content-disposition')).toContain(code);
    expect(typeof csv.body).toBe('string');
    const records = parseCsv(csv.body);
    // The header line the endpoint's summary documents.
    expect(records[0]?.join(',')).toBe(
      'student,section,section_title,item_id,item_kind,question,answer,answered_at,note',
    );
    const rows = records.slice(1);
    expect(rows).toHaveLength(4);
    // The note column is empty unless names are hidden from the teacher.
    for (const row of rows) expect(row).toHaveLength(9);
    for (const row of rows) expect(row[8]).toBe('');
    const rowOf = (student: string, itemId: string) => {
      const found = rows.filter((r) => r[0] === student && r[3] === itemId);
      expect(found, `${student} ${itemId}`).toHaveLength(1);
      return found[0]!;
    };
    const sectionNumber = (sectionId: string) =>
      String(lesson.sections.findIndex((s) => s.id === sectionId) + 1);
    const last = lesson.sections.at(-1)!;
    expect(rowOf('Ana', thesisPrompt.id).slice(0, 7)).toEqual([
      'Ana',
      '1',
      thesis.title,
      thesisPrompt.id,
      'prompt',
      thesisPrompt.question,
      tricky,
    ]);
    expect(Number.isNaN(Date.parse(rowOf('Ana', thesisPrompt.id)[7]!))).toBe(false);
    expect(rowOf('Ana', thesisPoll.id).slice(4, 7)).toEqual([
      'poll',
      thesisPoll.question,
      option.label,
    ]);
    expect(rowOf('Ben', thesisPrompt.id)[6]).toBe(foreign);
    const formulaRow = rowOf('Cy', evaluatePrompt.id);
    expect(formulaRow.slice(1, 3)).toEqual([sectionNumber(last.id), last.title]);
    // The formula guard: a spreadsheet shows the text instead of running it.
    expect(formulaRow[6]).toBe(`'${formula}`);

    // UTF-8 with a byte order mark, for Excel.
    const bytes = await teacher.getBytes(`${base}/answers.csv`);
    expect([...bytes.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.body)).toBe(
      `\uFEFF${csv.body}`,
    );
  });
});
