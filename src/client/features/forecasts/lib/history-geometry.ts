import type { DayPercent as ContractDayPercent } from '#domain/api/forecast-contracts';
import { addDays, dayNumber, utcDayOf } from '#domain/forecasting/days';
import { formatShortDay } from './forecast-days';

/**
 * Where the forecast history chart draws its steps, in its viewBox units, and what it says about
 * them: days across (a day is a band, from its start to the next day's), 0–100 % up. Pure, so
 * the geometry and the words are tested without a browser.
 */

/** A standing forecast from a day on, in percent (the views' step series). */
export type DayPercent = Readonly<ContractDayPercent>;

/** A forecast as it was made: its timestamp and percent. */
export interface TimedPercent {
  readonly madeAt: string;
  readonly percent: number;
}

/** The days the chart spans, first and last inclusive. */
export interface HistoryAxis {
  readonly from: string;
  readonly to: string;
}

export const HISTORY_PLOT = {
  left: 38,
  top: 8,
  width: 250,
  height: 100,
  viewWidth: 300,
  viewHeight: 132,
} as const;

/**
 * The standing forecast day by day, as the scoring reads it: of several versions on one UTC day
 * the last counts; a day that changes nothing is left out, so each point is a step.
 */
export function standingByDay(versions: readonly TimedPercent[]): DayPercent[] {
  const sorted = [...versions].sort((a, b) => Date.parse(a.madeAt) - Date.parse(b.madeAt));
  const byDay = new Map<string, number>();
  for (const version of sorted) byDay.set(utcDayOf(version.madeAt), version.percent);
  const steps: DayPercent[] = [];
  for (const [day, percent] of byDay) {
    if (steps.at(-1)?.percent !== percent) steps.push({ day, percent });
  }
  return steps;
}

/** The median series as steps: the days it changes. */
export function medianSteps(series: readonly DayPercent[]): DayPercent[] {
  const sorted = [...series].sort((a, b) => dayNumber(a.day) - dayNumber(b.day));
  return sorted.filter((point, index) => sorted[index - 1]?.percent !== point.percent);
}

/** The days to draw: the question's window, widened to hold every point. */
export function historyAxis(
  opensOn: string,
  lastDay: string,
  series: readonly (readonly DayPercent[])[],
): HistoryAxis {
  const days = [opensOn, lastDay, ...series.flatMap((points) => points.map((p) => p.day))];
  const numbers = days.map(dayNumber);
  const from = days[numbers.indexOf(Math.min(...numbers))] ?? opensOn;
  const to = days[numbers.indexOf(Math.max(...numbers))] ?? lastDay;
  return { from, to };
}

function spanOf(axis: HistoryAxis): number {
  return dayNumber(axis.to) - dayNumber(axis.from) + 1;
}

/** Where a day starts across the chart; the day after the axis's last ends it. */
export function historyX(axis: HistoryAxis, day: string): number {
  const offset = dayNumber(day) - dayNumber(axis.from);
  return HISTORY_PLOT.left + (offset / spanOf(axis)) * HISTORY_PLOT.width;
}

/** A percentage's height: 0 % at the bottom. */
export function historyY(percent: number): number {
  return HISTORY_PLOT.top + HISTORY_PLOT.height - (percent / 100) * HISTORY_PLOT.height;
}

/**
 * An SVG path of steps: each point's percent held from its day to the next point's, the last
 * held through `through` (today, or the question's last scored day). Empty with no points.
 */
export function stepPath(
  axis: HistoryAxis,
  points: readonly DayPercent[],
  through: string,
): string {
  const end = historyX(axis, addDays(through, 1));
  return points
    .map((point, index) => {
      const next = points[index + 1];
      const x1 = next ? historyX(axis, next.day) : end;
      const y = historyY(point.percent).toFixed(1);
      const start = index === 0 ? `M${historyX(axis, point.day).toFixed(1)} ${y}` : `V${y}`;
      return `${start}H${Math.max(x1, historyX(axis, point.day)).toFixed(1)}`;
    })
    .join('');
}

/** The axis's day labels: its first and last day, and today when it falls between them. */
export function historyTicks(axis: HistoryAxis, today?: string): { day: string; x: number }[] {
  const days = [axis.from, axis.to];
  if (today !== undefined && dayNumber(today) > dayNumber(axis.from)) {
    if (dayNumber(today) < dayNumber(axis.to)) days.splice(1, 0, today);
  }
  const unique = [...new Set(days)];
  // A day's label sits under the middle of its band.
  const half = HISTORY_PLOT.width / spanOf(axis) / 2;
  return unique.map((day) => ({ day, x: historyX(axis, day) + half }));
}

/**
 * The chart in a sentence, for its description: where the student's forecast went and where
 * the class's median stands ("Your forecast went from 40 % on 7 Dec to 65 % on 10 Dec, in 2
 * steps. The class median: 55 %.").
 */
export function describeHistory(
  /** The student's steps; null for the teacher's chart of the median alone. */
  mine: readonly DayPercent[] | null,
  median: readonly DayPercent[],
): string {
  const first = mine?.[0];
  const last = mine?.at(-1);
  const own =
    mine === null
      ? ''
      : first === undefined || last === undefined
        ? 'No forecast of yours yet.'
        : mine.length === 1
          ? `Your forecast: ${first.percent} % since ${formatShortDay(first.day)}.`
          : `Your forecast went from ${first.percent} % on ${formatShortDay(first.day)} to ${last.percent} % on ${formatShortDay(last.day)}, in ${mine.length} steps.`;
  const latestMedian = median.at(-1);
  const classPart =
    latestMedian === undefined
      ? 'No class median yet.'
      : `The class median: ${formatPercent(latestMedian.percent)}.`;
  return own === '' ? classPart : `${own} ${classPart}`;
}

/** A percent as the charts write it: whole, or with one decimal when a median falls between. */
export function formatPercent(percent: number): string {
  const rounded = Math.round(percent * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} %`;
}
