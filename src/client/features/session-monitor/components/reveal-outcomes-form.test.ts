import { describe, expect, it } from 'vitest';
import type { ForecastItem } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { ForecastScores } from '#domain/api/dashboard-contracts';
import { completeOutcomes, initialOutcomes } from './reveal-outcomes-form';

const forecast = soleimaniLesson.sections
  .flatMap((s) => s.items)
  .find((i): i is ForecastItem => i.kind === 'forecast')!;

/** A scenario's resolution, which the shipped lesson records for every one. */
function resolutionOf(scenario: ForecastItem['scenarios'][number]) {
  if (!scenario.resolution) throw new Error(`${scenario.id} is not resolved`);
  return scenario.resolution;
}

describe('initialOutcomes', () => {
  it('starts from the lesson’s resolutions', () => {
    const outcomes = initialOutcomes(forecast, undefined);
    expect(Object.keys(outcomes)).toEqual(forecast.scenarios.map((s) => s.id));
    for (const scenario of forecast.scenarios) {
      expect(outcomes[scenario.id]).toEqual({
        happened: resolutionOf(scenario).happened,
        text: resolutionOf(scenario).text,
      });
    }
  });

  it('prefers the outcomes the teacher already revealed', () => {
    const first = forecast.scenarios[0]!;
    const revealed: ForecastScores = {
      itemId: forecast.id,
      outcomes: { [first.id]: { happened: !resolutionOf(first).happened, text: 'Edited.' } },
      scenarios: [],
      classMeanBrier: null,
    };
    const outcomes = initialOutcomes(forecast, revealed);
    expect(outcomes[first.id]).toEqual({
      happened: !resolutionOf(first).happened,
      text: 'Edited.',
    });
    const second = forecast.scenarios[1]!;
    expect(outcomes[second.id]?.text).toBe(resolutionOf(second).text);
  });

  it('starts a scenario the lesson has not resolved yet with nothing chosen', () => {
    const waiting: ForecastItem = {
      ...forecast,
      scenarios: forecast.scenarios.map(({ resolution: _r, ...scenario }) => scenario),
    };
    const outcomes = initialOutcomes(waiting, undefined);
    expect(Object.values(outcomes)).toEqual(
      forecast.scenarios.map(() => ({ happened: null, text: '' })),
    );
    expect(completeOutcomes(outcomes)).toBeNull();
  });
});

describe('completeOutcomes', () => {
  it('gives the outcomes once each has its choice and its text', () => {
    expect(completeOutcomes({ a: { happened: false, text: 'No.' } })).toEqual({
      a: { happened: false, text: 'No.' },
    });
    expect(completeOutcomes({ a: { happened: null, text: 'No.' } })).toBeNull();
    expect(completeOutcomes({ a: { happened: true, text: '  ' } })).toBeNull();
  });
});
