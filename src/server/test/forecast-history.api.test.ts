import { expect, it } from 'vitest';
import type { StudentForecastsView } from '#domain/api/forecast-contracts';
import { addDays } from '#domain/forecasting/days';
import { createLiveSession, joinAs, signUpTeacher, submitAnswer } from './api-client';
import { useForecastServer } from './forecast-fixtures';
import { describeEachStorage } from './use-test-server';

/** The built-in lesson's forecast: made "as of" January 2020, resolved by the lesson itself. */
const ITEM = 'forecast-2020';
const probabilities = {
  'iran-strikes-us-forces': 80,
  'sustained-war': 20,
  'us-leaves-iraq': 30,
  'new-nuclear-talks': 10,
  'democrat-wins': 60,
};

describeEachStorage('a forecast about the past (%s)', (kind) => {
  const context = useForecastServer(kind);

  it('stays open with the session, keeps its outcome hidden, and is scored once the session ends', async () => {
    const { baseUrl } = context.server;
    const teacher = await signUpTeacher(baseUrl);
    const view = await createLiveSession(teacher, 'self-paced');
    const base = `/api/sessions/${view.session.id}`;
    const { student } = await joinAs(baseUrl, view.session.joinCode, 'Ana');
    await submitAnswer(student, base, ITEM, { kind: 'forecast', probabilities });
    const read = async () => {
      const response = await student.get<StudentForecastsView>(`${base}/my-forecasts`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const question = response.body.questions.find((q) => q.itemId === ITEM);
      if (!question) throw new Error('the forecast is missing from the page');
      return question;
    };

    const open = await read();
    expect(open).toMatchObject({ status: 'open', closesOn: null, myScore: null });
    // The lesson's outcomes are its answer key: not shown while the class forecasts.
    expect(open.scenarios.map((s) => s.resolution)).toEqual(open.scenarios.map(() => null));

    expect((await teacher.post(`${base}/end`)).status).toBe(200);
    const ended = await read();
    expect(ended.status).toBe('resolved');
    expect(ended.scenarios[0]?.resolution).toMatchObject({
      outcome: 'yes',
      resolvedOn: '2020-01-08',
      source: 'lesson',
    });
    // One scored day (the session's): (0.2² + 0.2² + 0.3² + 0.1² + 0.4²) / 5.
    expect(ended.myScore?.timeWeightedBrier).toBeCloseTo(0.068, 10);
    expect(ended.closesOn).toBe(addDays(ended.opensOn, 0));
  });
});
