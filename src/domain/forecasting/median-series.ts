import { dayNumber, dayOfNumber, utcDayOf, type IsoDay } from './days';
import type { Forecaster, ForecastVersion } from './forecast-types';
import { dailyValues, groupMedianSteps, standingSteps, timeVersions } from './standing';

/** The class median of one scenario on one day, in percent. */
export interface MedianPoint {
  readonly day: IsoDay;
  readonly percent: number;
}

/**
 * The version standing on `day`: the latest made on or before that UTC day (of several on one
 * day, the last made; of equal times, the later in the list), or null when none had been made.
 */
export function standingVersionOn<V extends ForecastVersion>(
  versions: readonly V[],
  day: IsoDay,
): V | null {
  const last = dayNumber(day);
  let standing: { version: V; time: number } | null = null;
  for (const version of versions) {
    if (dayNumber(utcDayOf(version.madeAt)) > last) continue;
    const time = Date.parse(version.madeAt);
    if (standing === null || time >= standing.time) standing = { version, time };
  }
  return standing?.version ?? null;
}

/**
 * The class median over time, per scenario id: for each day from `opensOn` through
 * `throughDay`, the median of the standing forecasts of that scenario of everyone who had
 * forecast it by then (the mean of the two middle ones for an even count). Days before anyone
 * had forecast it are left out, so a series may be empty; so is every series when `throughDay`
 * is before `opensOn`.
 */
export function classMedianSeries(series: {
  readonly opensOn: IsoDay;
  readonly throughDay: IsoDay;
  readonly scenarioIds: readonly string[];
  readonly forecasters: readonly Forecaster[];
}): Record<string, MedianPoint[]> {
  const first = dayNumber(series.opensOn);
  const length = Math.max(0, dayNumber(series.throughDay) - first + 1);
  const timed = series.forecasters.map((forecaster) => timeVersions(forecaster.versions));
  const result: Record<string, MedianPoint[]> = {};
  for (const scenarioId of series.scenarioIds) {
    const steps = timed.map((versions) => standingSteps(versions, scenarioId, first, length));
    const points: MedianPoint[] = [];
    const everyone = steps.map((_, index) => index);
    const [classSteps = []] = groupMedianSteps(steps, length, [everyone]);
    dailyValues(classSteps, length).forEach((percent, day) => {
      if (!Number.isNaN(percent)) points.push({ day: dayOfNumber(first + day), percent });
    });
    result[scenarioId] = points;
  }
  return result;
}
