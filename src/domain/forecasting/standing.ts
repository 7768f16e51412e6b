/**
 * The machinery of standing forecasts, kept apart from what it computes: versions reduced to
 * "from this day on, this percent" steps, and a sorted multiset whose median is read each day.
 * Days here are indexes into a window (0 = its first day), so the arithmetic stays on integers.
 */
import type { ForecastVersion } from './forecast-types';

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

/** Numbers kept sorted, so the median is read in constant time as values come and go. */
class SortedValues {
  private values = new Float64Array(16);
  size = 0;

  private lowerBound(value: number): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.values[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  insert(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const at = this.lowerBound(value);
    this.values.copyWithin(at + 1, at, this.size);
    this.values[at] = value;
    this.size += 1;
  }

  /** Removes one copy of a value known to be present. */
  remove(value: number): void {
    const at = this.lowerBound(value);
    this.values.copyWithin(at, at + 1, this.size);
    this.size -= 1;
  }

  /** The median (mean of the two middle values for an even count); NaN when empty. */
  median(): number {
    if (this.size === 0) return Number.NaN;
    const middle = this.size >>> 1;
    if (this.size % 2 === 1) return this.values[middle]!;
    return (this.values[middle - 1]! + this.values[middle]!) / 2;
  }
}

/**
 * The daily median of several standing forecasts over a window of `length` days: on each day,
 * the median of the standing values of those whose first step has come; NaN on days when none
 * has. Costs O(length + steps × forecasters) at worst, never a sort per day.
 */
export function dailyMedians(stepsOfEach: readonly StandingStep[][], length: number): Float64Array {
  const changes: { who: number; percent: number }[][] = Array.from({ length }, () => []);
  stepsOfEach.forEach((steps, who) => {
    for (const { day, percent } of steps) changes[day]!.push({ who, percent });
  });
  const current = new Float64Array(stepsOfEach.length).fill(Number.NaN);
  const sorted = new SortedValues();
  const medians = new Float64Array(length);
  for (let day = 0; day < length; day++) {
    for (const { who, percent } of changes[day]!) {
      const previous = current[who]!;
      if (!Number.isNaN(previous)) sorted.remove(previous);
      sorted.insert(percent);
      current[who] = percent;
    }
    medians[day] = sorted.median();
  }
  return medians;
}
