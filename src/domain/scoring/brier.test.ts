import { describe, expect, it } from 'vitest';
import { brierScore, brierScoreFromPercent, scoreForecast } from './brier';

describe('brierScore', () => {
  it('gives known values', () => {
    expect(brierScore(1, true)).toBe(0);
    expect(brierScore(0, true)).toBe(1);
    expect(brierScore(0.5, false)).toBe(0.25);
    expect(brierScore(0.7, true)).toBeCloseTo(0.09, 10);
    expect(brierScore(0.7, false)).toBeCloseTo(0.49, 10);
    expect(brierScore(0.2, false)).toBeCloseTo(0.04, 10);
  });

  it('reads percentages', () => {
    expect(brierScoreFromPercent(90, true)).toBeCloseTo(0.01, 10);
    expect(brierScoreFromPercent(0, false)).toBe(0);
  });

  it('refuses probabilities outside 0..1', () => {
    expect(() => brierScore(1.2, true)).toThrow(/between 0 and 1/);
    expect(() => brierScore(-0.1, true)).toThrow(RangeError);
    expect(() => brierScore(Number.NaN, true)).toThrow(RangeError);
  });
});

describe('scoreForecast', () => {
  const scenarios = [
    { id: 'a', resolution: { happened: true } },
    { id: 'b', resolution: { happened: false } },
    { id: 'c', resolution: { happened: true } },
  ];

  it('scores each scenario and the mean', () => {
    const score = scoreForecast(scenarios, { a: 80, b: 30, c: 50 });
    expect(score.scenarios.map((s) => s.brier)).toEqual([
      expect.closeTo(0.04, 10),
      expect.closeTo(0.09, 10),
      expect.closeTo(0.25, 10),
    ]);
    expect(score.meanBrier).toBeCloseTo((0.04 + 0.09 + 0.25) / 3, 10);
  });

  it('leaves out scenarios with no forecast, and has no mean for none', () => {
    const partial = scoreForecast(scenarios, { b: 0 });
    expect(partial.scenarios).toEqual([{ scenarioId: 'b', percent: 0, happened: false, brier: 0 }]);
    expect(partial.meanBrier).toBe(0);
    expect(scoreForecast(scenarios, {}).meanBrier).toBeNull();
  });

  it('leaves out a scenario not resolved yet: no score for it, none against the student', () => {
    const waiting = [...scenarios, { id: 'd' }];
    const score = scoreForecast(waiting, { a: 80, d: 99 });
    expect(score.scenarios.map((s) => s.scenarioId)).toEqual(['a']);
    expect(score.meanBrier).toBeCloseTo(0.04, 10);
    expect(scoreForecast([{ id: 'd' }], { d: 50 }).meanBrier).toBeNull();
  });
});
