import { expect, it } from 'vitest';
import type { StudentForecastsView } from '#domain/api/forecast-contracts';
import { submitAnswer } from './api-client';
import { classOfForecasters, FUTURE_ITEM, useForecastServer } from './forecast-fixtures';
import { describeEachStorage } from './use-test-server';

const forecast = (strike: number, talks: number) => ({
  kind: 'forecast' as const,
  probabilities: { strike, talks },
});

describeEachStorage('the forecasting leaderboard (%s)', (kind) => {
  const context = useForecastServer(kind);

  it('shows opted-in students on the leaderboard by pseudonym', async () => {
    const { teacher, base, ana, ben } = await classOfForecasters(context);
    await submitAnswer(ana.student, base, FUTURE_ITEM, forecast(90, 10));
    await submitAnswer(ben.student, base, FUTURE_ITEM, forecast(20, 10));
    await teacher.put(`${base}/forecasts/${FUTURE_ITEM}/resolution`, {
      scenarios: {
        strike: {
          outcome: 'yes',
          resolvedOn: context.clock.today(),
          sourceUrl: 'https://a.example',
        },
      },
    });
    expect((await teacher.put(`${base}/leaderboard`, { mode: 'pseudonyms' })).status).toBe(200);
    expect((await ana.student.put(`${base}/my-leaderboard`, { optIn: true })).body).toEqual({
      optIn: true,
    });
    const view = await ben.student.get<StudentForecastsView>(`${base}/my-forecasts`);
    expect(view.status).toBe(200);
    const board = view.body.leaderboard;
    expect(board.mode).toBe('pseudonyms');
    expect(board.isOptedIn).toBe(false);
    expect(board.entries).toHaveLength(1);
    expect(board.entries[0]).toMatchObject({ rank: 1, isMe: false, resolvedQuestionCount: 1 });
    expect(board.entries[0]?.name).not.toContain('Ana');
  });
});
