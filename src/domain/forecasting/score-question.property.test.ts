import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayRange, utcDayOf } from './days';
import type { Forecaster, ForecastTeam } from './forecast-types';
import { scoreQuestion } from './score-question';

/**
 * The rules of scoreQuestion written out as plainly as possible, day by day with a sort a day,
 * to check the fast version (steps, running sums, a sorted multiset) against.
 */
function naiveScores(
  opensOn: string,
  lastDay: string,
  happened: boolean,
  forecasters: readonly Forecaster[],
  teams: readonly ForecastTeam[],
): Map<string, number | null> {
  const days = dayRange(opensOn, lastDay);
  const standing = (f: Forecaster, day: string): number | null => {
    const made = f.versions
      .map((v, index) => ({ v, index, time: Date.parse(v.madeAt) }))
      .filter(({ v }) => utcDayOf(v.madeAt) <= day && v.probabilities.s1 !== undefined)
      .sort((a, b) => a.time - b.time || a.index - b.index);
    return made[made.length - 1]?.v.probabilities.s1 ?? null;
  };
  const median = (values: number[]): number | null => {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const byDay = days.map((day) => {
    const own = new Map(forecasters.map((f) => [f.id, standing(f, day)]));
    const classMedian = median([...own.values()].filter((p): p is number => p !== null));
    for (const team of teams) {
      const members = team.memberIds.map((id) => own.get(id) ?? null);
      own.set(team.id, median(members.filter((p): p is number => p !== null)));
    }
    return { own, classMedian };
  });
  const brier = (p: number) => (p / 100 - (happened ? 1 : 0)) ** 2;
  const result = new Map<string, number | null>();
  for (const id of [...forecasters.map((f) => f.id), ...teams.map((t) => t.id)]) {
    const scored = byDay.filter((d) => d.classMedian !== null);
    const hasForecast = byDay.some((d) => d.own.get(id) !== null);
    const total = scored.reduce((sum, d) => sum + brier(d.own.get(id) ?? d.classMedian!), 0);
    result.set(id, hasForecast ? total / scored.length : null);
  }
  return result;
}

const versionArbitrary = fc.record({
  day: fc.integer({ min: -2, max: 12 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  percent: fc.integer({ min: 0, max: 100 }),
});

describe('scoreQuestion against the rules written out day by day', () => {
  it('gives every forecaster and team the same time-weighted Brier', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(versionArbitrary, { maxLength: 5 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
        (versionsOfEach, windowLength, happened, teamOf) => {
          const opensOn = '2026-03-01';
          const lastDay = addDays(opensOn, windowLength);
          const forecasters = versionsOfEach.map((versions, index) => ({
            id: `p${index}`,
            versions: versions.map(({ day, minute, percent }) => ({
              probabilities: { s1: percent },
              madeAt: new Date(
                Date.parse(`${addDays(opensOn, day)}T00:00:00Z`) + minute * 60_000,
              ).toISOString(),
            })),
          }));
          const teams = [0, 1].map((team) => ({
            id: `t${team}`,
            name: `Team ${team}`,
            memberIds: forecasters.filter((_, i) => teamOf[i] === team).map((f) => f.id),
          }));
          const scores = scoreQuestion({
            opensOn,
            closesOn: lastDay,
            scenarioIds: ['s1'],
            resolutions: { s1: { outcome: happened ? 'yes' : 'no', resolvedOn: lastDay } },
            forecasters,
            teams,
          });
          const expected = naiveScores(opensOn, lastDay, happened, forecasters, teams);
          for (const entry of [...scores.forecasters, ...scores.teams]) {
            const want = expected.get(entry.id);
            if (want === null) expect(entry.score).toBeNull();
            else expect(entry.score?.brier).toBeCloseTo(want!, 9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
