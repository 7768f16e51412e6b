import { describe, expect, it } from 'vitest';
import { forecastOfTwo } from '../../test-fixtures/items';
import { computeForecastScores, forecastScoresForStudent } from './forecast-scores';

/** expect.closeTo, typed: vitest types it as any. */
const closeTo = (value: number, digits: number): number => expect.closeTo(value, digits) as number;

const item = forecastOfTwo({ id: 'a', text: 'A did.' }, { id: 'b', text: 'B not.' });

const outcomes = { a: { happened: true, text: 'A did.' }, b: { happened: false, text: 'B not.' } };

describe('computeForecastScores', () => {
  it('scores the class per scenario, per student and overall', () => {
    const scores = computeForecastScores(item, outcomes, [
      { participantId: 'p1', label: 'Ana', probabilities: { a: 80, b: 10 } },
      { participantId: 'p2', label: 'Ben', probabilities: { a: 40 } },
    ]);
    expect(scores.scenarios).toEqual([
      {
        scenarioId: 'a',
        happened: true,
        classMean: 60,
        classBrier: closeTo((0.04 + 0.36) / 2, 10),
      },
      { scenarioId: 'b', happened: false, classMean: 10, classBrier: closeTo(0.01, 10) },
    ]);
    expect(scores.students).toEqual([
      { participantId: 'p1', label: 'Ana', meanBrier: closeTo(0.025, 10) },
      { participantId: 'p2', label: 'Ben', meanBrier: closeTo(0.36, 10) },
    ]);
    expect(scores.classMeanBrier).toBeCloseTo((0.04 + 0.01 + 0.36) / 3, 10);
    const eighty = scores.calibration?.find((row) => row.from === 80);
    expect(eighty).toMatchObject({ forecasts: 1, happened: 1 });
  });

  it('uses the outcomes the teacher revealed, even where they differ from the lesson', () => {
    const edited = { a: { happened: false, text: 'Edited.' }, b: { happened: false, text: 'B.' } };
    const scores = computeForecastScores(item, edited, [
      { participantId: 'p1', label: 'Ana', probabilities: { a: 100 } },
    ]);
    expect(scores.scenarios[0]).toMatchObject({ happened: false, classBrier: 1 });
  });

  it('gives a student their own scores without their classmates’', () => {
    const scores = computeForecastScores(item, outcomes, [
      { participantId: 'p1', label: 'Ana', probabilities: { a: 80, b: 10 } },
    ]);
    const mine = forecastScoresForStudent(scores, { a: 70, b: 30 });
    expect(mine.students).toBeUndefined();
    expect(mine.calibration).toBeUndefined();
    expect(mine.mine?.perScenario).toEqual({
      a: closeTo(0.09, 10),
      b: closeTo(0.09, 10),
    });
    expect(mine.mine?.meanBrier).toBeCloseTo(0.09, 10);
    expect(forecastScoresForStudent(scores, undefined).mine?.meanBrier).toBeNull();
  });
});
