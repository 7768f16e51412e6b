import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyValues, groupMedianSteps, type StandingStep } from './standing';

const LENGTH = 8;

/** Each forecaster's steps: increasing days within the window, any percent (decimals too). */
const stepsArbitrary = fc
  .uniqueArray(fc.integer({ min: 0, max: LENGTH - 1 }), { maxLength: 4 })
  .chain((days) =>
    fc.tuple(
      ...[...days]
        .sort((a, b) => a - b)
        .map((day) =>
          fc
            .oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }))
            .map((percent): StandingStep => ({ day, percent })),
        ),
    ),
  );

function naiveDailyMedian(
  stepsOfEach: readonly (readonly StandingStep[])[],
  members: readonly number[],
): number[] {
  return Array.from({ length: LENGTH }, (_, day) => {
    const values = members
      .map((member) => stepsOfEach[member]!.filter((step) => step.day <= day).at(-1)?.percent)
      .filter((percent): percent is number => percent !== undefined)
      .sort((a, b) => a - b);
    if (values.length === 0) return Number.NaN;
    const middle = Math.floor(values.length / 2);
    return values.length % 2 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
  });
}

describe('groupMedianSteps', () => {
  it('gives each group, large (a tree) or small (a sorted array), the median of its members day by day', () => {
    fc.assert(
      fc.property(
        fc.array(stepsArbitrary, { minLength: 1, maxLength: 60, size: 'max' }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }),
        (stepsOfEach, teamOf) => {
          const everyone = stepsOfEach.map((_, index) => index);
          const teams = [0, 1, 2].map((team) => everyone.filter((index) => teamOf[index] === team));
          const groups = [everyone, ...teams];
          const result = groupMedianSteps(stepsOfEach, LENGTH, groups);
          groups.forEach((members, group) => {
            const got = [...dailyValues(result[group]!, LENGTH)];
            expect(got).toEqual(naiveDailyMedian(stepsOfEach, members));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives a group a step only on the days one of its members changes', () => {
    const stepsOfEach = [
      [{ day: 1, percent: 10 }],
      [{ day: 3, percent: 30 }],
      [
        { day: 0, percent: 90 },
        { day: 3, percent: 50 },
      ],
    ];
    // Both: day 1 median(10) = 10; day 3 median(10, 30) = 20. All: 90, then (10 + 90) / 2 = 50,
    // then median(10, 30, 50) = 30.
    expect(groupMedianSteps(stepsOfEach, 5, [[0, 1], [0, 1, 2], []])).toEqual([
      [
        { day: 1, percent: 10 },
        { day: 3, percent: 20 },
      ],
      [
        { day: 0, percent: 90 },
        { day: 1, percent: 50 },
        { day: 3, percent: 30 },
      ],
      [],
    ]);
  });
});
