import { describe, expect, it } from 'vitest';
import type { ForecastItem } from '../../../../domain/lesson/lesson-schema';
import { soleimaniLesson } from '../../../../domain/lessons/soleimani-lesson';
import type { ForecastScores } from '../../../../domain/live/dashboard-contracts';
import { initialOutcomes } from './reveal-outcomes-form';

const forecast = soleimaniLesson.sections
  .flatMap((s) => s.items)
  .find((i): i is ForecastItem => i.kind === 'forecast')!;

describe('initialOutcomes', () => {
  it('starts from the lesson’s resolutions', () => {
    const outcomes = initialOutcomes(forecast, undefined);
    expect(Object.keys(outcomes)).toEqual(forecast.scenarios.map((s) => s.id));
    for (const scenario of forecast.scenarios) {
      expect(outcomes[scenario.id]).toEqual({
        happened: scenario.resolution.happened,
        text: scenario.resolution.text,
      });
    }
  });

  it('prefers the outcomes the teacher already revealed', () => {
    const first = forecast.scenarios[0]!;
    const revealed: ForecastScores = {
      itemId: forecast.id,
      outcomes: { [first.id]: { happened: !first.resolution.happened, text: 'Edited.' } },
      scenarios: [],
      classMeanBrier: null,
    };
    const outcomes = initialOutcomes(forecast, revealed);
    expect(outcomes[first.id]).toEqual({ happened: !first.resolution.happened, text: 'Edited.' });
    const second = forecast.scenarios[1]!;
    expect(outcomes[second.id]?.text).toBe(second.resolution.text);
  });
});
