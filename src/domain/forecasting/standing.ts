/**
 * The machinery of standing forecasts, kept apart from what it computes: versions reduced to
 * "from this day on, this percent" steps, and a multiset whose median is read each day.
 * Days here are indexes into a window (0 = its first day), so the arithmetic stays on integers.
 */
import type { ForecastVersion } from './forecast-types';
import {
  distinctSorted,
  RankedCounts,
  SmallSortedValues,
  type MedianMultiset,
} from './median-multisets';

const MS_PER_DAY = 86_400_000;

/** A version with its UTC day number, ready to be walked in the order it was made. */
export interface TimedVersion {
  readonly dayNumber: number;
  readonly probabilities: Readonly<Record<string, number>>;
}

/** From day index `day` on (until the next step), the standing forecast is `percent`. */
export interface StandingStep {
  readonly day: number;
  readonly percent: number;
}

/**
 * Versions in the order they were made (by time; equal times keep their input order), each with
 * its UTC day number.
 *
 * @throws RangeError when a version's `madeAt` is not a time.
 */
export function timeVersions(versions: readonly ForecastVersion[]): TimedVersion[] {
  const timed = versions.map((version, index) => {
    const time = Date.parse(version.madeAt);
    if (!Number.isFinite(time)) {
      throw new RangeError(`a version's madeAt must be a time, got "${version.madeAt}"`);
    }
    return { time, index, version };
  });
  timed.sort((a, b) => a.time - b.time || a.index - b.index);
  return timed.map(({ time, version }) => ({
    dayNumber: Math.floor(time / MS_PER_DAY),
    probabilities: version.probabilities,
  }));
}

/**
 * The steps of one scenario's standing forecast over a window of `length` days starting on day
 * number `firstDay`: a version counts from its day (one made before the window from the window's
 * first day), the last of a day wins, versions after the window and versions that leave the
 * scenario out are ignored.
 */
export function standingSteps(
  versions: readonly TimedVersion[],
  scenarioId: string,
  firstDay: number,
  length: number,
): StandingStep[] {
  const steps: StandingStep[] = [];
  for (const version of versions) {
    const percent = version.probabilities[scenarioId];
    if (percent === undefined) continue;
    const day = Math.max(0, version.dayNumber - firstDay);
    if (day >= length) break;
    const last = steps[steps.length - 1];
    if (last?.day === day) steps[steps.length - 1] = { day, percent };
    else steps.push({ day, percent });
  }
  return steps;
}

/**
 * The median of several standing forecasts, as steps, for each of several groups of forecasters
 * (the class, each team): on each day a member's standing forecast changes, the group's median of
 * the members whose first step has come. `groups` lists each group's indexes into `stepsOfEach`;
 * every step must fall within a window of `length` days. One pass over the days for every group,
 * each change costing O(log distinct values) in a large group and O(group size) in a small one:
 * never a sort per day.
 */
export function groupMedianSteps(
  stepsOfEach: readonly (readonly StandingStep[])[],
  length: number,
  groups: readonly (readonly number[])[],
): StandingStep[][] {
  // Counting sort of every step by day, into flat arrays: no object per change.
  const offsets = new Int32Array(length + 1);
  for (const steps of stepsOfEach) for (const step of steps) offsets[step.day + 1]! += 1;
  for (let day = 0; day < length; day++) offsets[day + 1]! += offsets[day]!;
  const next = offsets.slice(0, length);
  const who = new Int32Array(offsets[length]!);
  const percents = new Float64Array(offsets[length]!);
  stepsOfEach.forEach((steps, index) => {
    for (const { day, percent } of steps) {
      const at = next[day]!;
      next[day] = at + 1;
      who[at] = index;
      percents[at] = percent;
    }
  });
  const groupsOf: number[][] = stepsOfEach.map(() => []);
  groups.forEach((members, group) => {
    for (const member of members) groupsOf[member]!.push(group);
  });
  const distinct = distinctSorted(percents);
  const multisets: MedianMultiset[] = groups.map((members) =>
    members.length > SMALL_GROUP ? new RankedCounts(distinct) : new SmallSortedValues(),
  );
  const current = new Float64Array(stepsOfEach.length).fill(Number.NaN);
  const isChanged = new Uint8Array(groups.length);
  const changed: number[] = [];
  const result: StandingStep[][] = groups.map(() => []);
  for (let day = 0; day < length; day++) {
    for (let at = offsets[day]!; at < offsets[day + 1]!; at++) {
      const forecaster = who[at]!;
      const previous = current[forecaster]!;
      current[forecaster] = percents[at]!;
      for (const group of groupsOf[forecaster]!) {
        if (!Number.isNaN(previous)) multisets[group]!.add(previous, -1);
        multisets[group]!.add(percents[at]!, 1);
        if (isChanged[group] === 0) {
          isChanged[group] = 1;
          changed.push(group);
        }
      }
    }
    for (const group of changed) {
      result[group]!.push({ day, percent: multisets[group]!.median() });
      isChanged[group] = 0;
    }
    changed.length = 0;
  }
  return result;
}

/** Up to this many members, a group's values sit in a plain sorted array rather than a tree. */
const SMALL_GROUP = 16;

/** Steps spelled out day by day over a window of `length` days: NaN before the first step. */
export function dailyValues(steps: readonly StandingStep[], length: number): Float64Array {
  const values = new Float64Array(length).fill(Number.NaN);
  steps.forEach((step, index) => {
    values.fill(step.percent, step.day, steps[index + 1]?.day ?? length);
  });
  return values;
}
