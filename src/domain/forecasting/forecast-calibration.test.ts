import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brierDecomposition,
  classMedianFinalForecasts,
  finalForecastsByForecaster,
  finalForecastsOf,
  forecastCalibration,
} from './forecast-calibration';
import { scoreQuestion } from './score-question';

const forecast = (probability: number, happened: boolean) => ({ probability, happened });

describe('forecastCalibration', () => {
  it('bins forecasts by 10 % with counts and decomposes their Brier score', () => {
    // 10 %: no, no, yes. 70 %: yes, yes, no, yes. N = 7, base rate ō = 4/7.
    // Mean Brier: (2 × 0.01 + 0.81 + 3 × 0.09 + 0.49) / 7 = 1.59 / 7 = 0.2271429.
    // Reliability: (3 × (0.1 − 1/3)² + 4 × (0.7 − 0.75)²) / 7 = (0.1633333 + 0.01) / 7 = 0.0247619.
    // Resolution: (3 × (1/3 − 4/7)² + 4 × (3/4 − 4/7)²) / 7 = (75/441 + 100/784) / 7 = 0.0425170.
    // Uncertainty: 4/7 × 3/7 = 12/49 = 0.2448980.
    // 0.0247619 − 0.0425170 + 0.2448980 = 0.2271429: the identity, exact since each bin's
    // forecasts are all the same.
    const calibration = forecastCalibration([
      forecast(10, false),
      forecast(10, false),
      forecast(10, true),
      forecast(70, true),
      forecast(70, true),
      forecast(70, false),
      forecast(70, true),
    ]);
    expect(calibration.buckets).toHaveLength(10);
    expect(calibration.buckets[1]).toEqual({
      from: 10,
      to: 20,
      forecasts: 3,
      happened: 1,
      meanProbability: 10,
      observedRate: 1 / 3,
    });
    expect(calibration.buckets[7]).toMatchObject({ from: 70, forecasts: 4, happened: 3 });
    const decomposition = calibration.decomposition!;
    expect(decomposition.forecasts).toBe(7);
    expect(decomposition.meanBrier).toBeCloseTo(0.2271429, 6);
    expect(decomposition.reliability).toBeCloseTo(0.0247619, 6);
    expect(decomposition.resolution).toBeCloseTo(0.042517, 6);
    expect(decomposition.uncertainty).toBeCloseTo(0.244898, 6);
    expect(decomposition.binnedBrier).toBeCloseTo(decomposition.meanBrier, 12);
  });

  it('has no decomposition for no forecasts', () => {
    const calibration = forecastCalibration([]);
    expect(calibration.decomposition).toBeNull();
    expect(calibration.buckets.every((bucket) => bucket.forecasts === 0)).toBe(true);
    expect(brierDecomposition([])).toBeNull();
  });

  it('holds the identity rel − res + unc = the Brier score of the forecasts moved to their bin means', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ probability: fc.integer({ min: 0, max: 100 }), happened: fc.boolean() }),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        (forecasts) => {
          const { buckets, decomposition } = forecastCalibration(forecasts);
          const binned = forecasts.map(({ probability, happened }) => {
            const bucket =
              buckets.find((b) => probability >= b.from && probability < b.to) ??
              buckets[buckets.length - 1]!;
            return (bucket.meanProbability! / 100 - (happened ? 1 : 0)) ** 2;
          });
          const binnedMean = binned.reduce((sum, value) => sum + value, 0) / binned.length;
          expect(decomposition!.binnedBrier).toBeCloseTo(binnedMean, 10);
          // Within a 10 % bin a forecast moves at most 9 points: the two stay close.
          expect(Math.abs(decomposition!.binnedBrier - decomposition!.meanBrier)).toBeLessThan(0.2);
        },
      ),
    );
  });
});

describe('final forecasts for calibration', () => {
  it("takes each forecaster's, team's and the median's standing forecast on each window's last day", () => {
    const versions = (a: number, b: number, later: number) => [
      { probabilities: { s1: a, s2: a }, madeAt: '2026-03-01T10:00:00Z' },
      { probabilities: { s1: b, s2: b }, madeAt: '2026-03-03T10:00:00Z' },
      // After both windows: not what they stood at.
      { probabilities: { s1: later, s2: later }, madeAt: '2026-03-09T10:00:00Z' },
    ];
    const scores = scoreQuestion({
      opensOn: '2026-03-01',
      closesOn: '2026-03-05',
      scenarioIds: ['s1', 's2', 's3'],
      resolutions: {
        s1: { outcome: 'yes', resolvedOn: '2026-03-05' },
        // s2 resolved on 03-02: A stood at 20 then, B at 60.
        s2: { outcome: 'no', resolvedOn: '2026-03-02' },
        s3: { outcome: 'annulled', resolvedOn: '2026-03-02' },
      },
      forecasters: [
        { id: 'A', versions: versions(20, 80, 1) },
        { id: 'B', versions: versions(60, 90, 1) },
      ],
      teams: [{ id: 'T', name: 'Both', memberIds: ['A', 'B'] }],
    });
    expect(finalForecastsOf('A', [scores])).toEqual([forecast(80, true), forecast(20, false)]);
    expect(finalForecastsOf('T', [scores])).toEqual([forecast(85, true), forecast(40, false)]);
    expect(finalForecastsOf('nobody', [scores])).toEqual([]);
    const byForecaster = finalForecastsByForecaster([scores, scores]);
    expect([...byForecaster.keys()]).toEqual(['A', 'B', 'T']);
    expect(byForecaster.get('B')).toEqual([
      forecast(90, true),
      forecast(60, false),
      forecast(90, true),
      forecast(60, false),
    ]);
    expect(classMedianFinalForecasts([scores, scores])).toEqual([
      forecast(85, true),
      forecast(40, false),
      forecast(85, true),
      forecast(40, false),
    ]);
  });
});
