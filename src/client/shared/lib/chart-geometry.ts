import type { CalibrationRow } from '#domain/api/dashboard-contracts';
import { calibrationVerdict, type CalibrationVerdict } from '#domain/scoring/calibration';

/**
 * Where the results charts draw things, in their viewBox units, and what they say about it.
 * Pure functions, so the geometry and the words are tested without a browser.
 */

/** The calibration chart's square plot: 0-100 % on both axes, with room for the axes' labels. */
export const CALIBRATION_PLOT = { left: 48, top: 10, size: 200, width: 268, height: 256 } as const;

/** A percentage's x in the calibration chart. */
export function calibrationX(percent: number): number {
  return CALIBRATION_PLOT.left + (percent / 100) * CALIBRATION_PLOT.size;
}

/** A percentage's y in the calibration chart: 0 % at the bottom. */
export function calibrationY(percent: number): number {
  return CALIBRATION_PLOT.top + CALIBRATION_PLOT.size - (percent / 100) * CALIBRATION_PLOT.size;
}

/** The smallest and largest radius of a point: its area grows with the forecasts it stands for. */
const POINT_RADIUS = { min: 4, max: 10 } as const;

/** One group of forecasts on the calibration chart. */
export interface CalibrationPoint {
  /** The group, as the table names it: "60–80 %". */
  readonly label: string;
  /** The class's mean forecast in the group (the group's middle if unknown), percent. */
  readonly forecast: number;
  /** How often the forecasts' events happened, percent. */
  readonly observed: number;
  readonly forecasts: number;
  readonly verdict: CalibrationVerdict;
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

/** The calibration table's rows as points; a group with no forecasts is not plotted. */
export function calibrationPoints(rows: readonly CalibrationRow[]): CalibrationPoint[] {
  const plotted = rows.filter((row) => row.forecasts > 0 && row.observedRate !== null);
  const most = Math.max(1, ...plotted.map((row) => row.forecasts));
  return plotted.map((row) => {
    const forecast = row.meanProbability ?? (row.from + row.to) / 2;
    const observed = (row.observedRate ?? 0) * 100;
    return {
      label: `${row.from}–${row.to} %`,
      forecast,
      observed,
      forecasts: row.forecasts,
      verdict: calibrationVerdict(forecast, observed),
      cx: calibrationX(forecast),
      cy: calibrationY(observed),
      r: POINT_RADIUS.min + (POINT_RADIUS.max - POINT_RADIUS.min) * Math.sqrt(row.forecasts / most),
    };
  });
}

function listed(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/**
 * The calibration chart in a sentence, for its description: which groups of forecasts were
 * over-confident, under-confident or about right ("Over-confident at 60–80 % and 80–100 %;
 * about right at 0–20 %.").
 */
export function describeCalibration(points: readonly CalibrationPoint[]): string {
  if (points.length === 0) return 'No forecasts to plot yet.';
  const verdicts: readonly CalibrationVerdict[] = [
    'over-confident',
    'under-confident',
    'about right',
  ];
  const parts = verdicts.flatMap((verdict) => {
    const labels = points.filter((p) => p.verdict === verdict).map((p) => p.label);
    return labels.length > 0 ? [`${verdict} at ${listed(labels)}`] : [];
  });
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** A spread strip: 0-100 % across, the ten tenths' bars standing on a baseline. */
export const SPREAD_STRIP = {
  left: 12,
  width: 276,
  baseline: 34,
  barHeight: 28,
  viewWidth: 300,
} as const;

/** A percentage's x on a spread strip. */
export function spreadX(percent: number): number {
  return SPREAD_STRIP.left + (percent / 100) * SPREAD_STRIP.width;
}

/** One tenth's bar on a spread strip. */
export interface SpreadBar {
  readonly tenth: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The bars of the tenths that hold forecasts, the fullest as tall as the strip allows. */
export function spreadBars(buckets: readonly number[]): SpreadBar[] {
  const most = Math.max(1, ...buckets);
  const step = 100 / Math.max(1, buckets.length);
  return buckets.flatMap((count, tenth) => {
    if (count === 0) return [];
    const x = spreadX(tenth * step);
    const height = (count / most) * SPREAD_STRIP.barHeight;
    return [
      {
        tenth,
        x,
        y: SPREAD_STRIP.baseline - height,
        width: spreadX((tenth + 1) * step) - x,
        height,
      },
    ];
  });
}

/** The tenths that hold forecasts, as text: "2 at 60–70 %, 1 at 90–100 %" ("none" if none). */
export function describeSpreadCounts(buckets: readonly number[]): string {
  const width = 100 / Math.max(1, buckets.length);
  const described = buckets.flatMap((count, i) =>
    count > 0 ? [`${count} at ${i * width}–${(i + 1) * width} %`] : [],
  );
  return described.length > 0 ? described.join(', ') : 'none';
}

/** A scenario's strip, for its accessible name: the statement, then its marks. */
export function describeSpreadStrip({
  statement,
  mean,
  median,
  lessonReading,
}: {
  readonly statement: string;
  readonly mean: number | null;
  readonly median: number | null;
  readonly lessonReading: number | undefined;
}): string {
  const marks = [
    mean === null ? 'no forecasts yet' : `mean ${Math.round(mean)} %`,
    ...(median === null ? [] : [`median ${Math.round(median)} %`]),
    ...(lessonReading === undefined ? [] : [`the lesson’s reading ${lessonReading} %`]),
  ];
  return `${statement}: ${marks.join(', ')}`;
}
