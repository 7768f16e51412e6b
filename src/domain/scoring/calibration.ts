import { brierScoreFromPercent } from './brier';

/** One forecast as students enter it: a probability in percent and whether the event happened. */
export interface CalibrationForecast {
  /** Forecast probability in percent, 0 to 100. */
  readonly probability: number;
  readonly happened: boolean;
}

/** The forecasts whose probability fell in [from, to) (the last bucket also holds `to` = 100). */
export interface CalibrationBucket {
  /** Lower bound in percent, inclusive. */
  readonly from: number;
  /** Upper bound in percent, exclusive except for the last bucket, which includes 100. */
  readonly to: number;
  /** Number of forecasts in the bucket. */
  readonly forecasts: number;
  /** How many of them happened. */
  readonly happened: number;
  /** Mean forecast probability in percent (0-100, like the input); null when the bucket is empty. */
  readonly meanProbability: number | null;
  /** Share of the forecasts that happened, 0 to 1; null when the bucket is empty. */
  readonly observedRate: number | null;
}

function checkProbability(probability: number): void {
  if (!Number.isFinite(probability) || probability < 0 || probability > 100) {
    throw new RangeError(`probability must be between 0 and 100, got ${probability}`);
  }
}

/**
 * Groups forecasts into equal-width probability buckets over 0-100 for a calibration chart: a
 * well-calibrated class sees about 70 % of its "70 %" forecasts happen.
 *
 * Every bucket is returned, even an empty one (with null mean and rate), so a chart's axis does
 * not jump around as forecasts come in. A probability on a boundary goes in the bucket it starts
 * (20 goes in 20-40), and 100 goes in the last bucket.
 *
 * @param width bucket width in percent; must be a positive integer dividing 100 (default 20).
 * @throws RangeError when `width` does not divide 100 or a probability is outside 0-100.
 */
export function calibrationBuckets(
  forecasts: readonly CalibrationForecast[],
  width = 20,
): CalibrationBucket[] {
  if (!Number.isInteger(width) || width <= 0 || 100 % width !== 0) {
    throw new RangeError(`width must be a positive integer dividing 100, got ${width}`);
  }
  const bucketCount = 100 / width;
  const totals = Array.from({ length: bucketCount }, () => ({
    forecasts: 0,
    happened: 0,
    probabilitySum: 0,
  }));
  for (const { probability, happened } of forecasts) {
    checkProbability(probability);
    // min() puts 100 in the last bucket instead of a bucket of its own.
    const index = Math.min(Math.floor(probability / width), bucketCount - 1);
    const total = totals[index]!;
    total.forecasts += 1;
    total.probabilitySum += probability;
    if (happened) total.happened += 1;
  }
  return totals.map((total, index) => ({
    from: index * width,
    to: (index + 1) * width,
    forecasts: total.forecasts,
    happened: total.happened,
    meanProbability: total.forecasts === 0 ? null : total.probabilitySum / total.forecasts,
    observedRate: total.forecasts === 0 ? null : total.happened / total.forecasts,
  }));
}

/**
 * Mean Brier score of forecasts given in percent: the mean of (probability / 100 − outcome)²,
 * where the outcome is 1 if the event happened and 0 if not. 0 is perfect, 0.25 is what always
 * saying 50 % earns; null when there are no forecasts (no score rather than a misleading 0).
 *
 * @throws RangeError when a probability is outside 0-100.
 */
export function meanBrierScore(forecasts: readonly CalibrationForecast[]): number | null {
  if (forecasts.length === 0) return null;
  let sum = 0;
  for (const { probability, happened } of forecasts) {
    checkProbability(probability);
    sum += brierScoreFromPercent(probability, happened);
  }
  return sum / forecasts.length;
}

/** How a group of forecasts compares with how often its events happened. */
export type CalibrationVerdict = 'about right' | 'over-confident' | 'under-confident';

/**
 * Reads one point of a calibration chart: forecasts averaging `forecast` % whose events happened
 * `observedPercent` % of the time. Within `tolerance` points of the diagonal is about right.
 * Otherwise the forecasts were under-confident when what happened leaned the same way as the
 * forecast, only further from 50 % (70 % forecasts that happened 90 % of the time: the class
 * could have been surer), and over-confident when it leaned less, or the other way (70 %
 * forecasts that happened 40 % of the time). A 50 % forecast cannot be over-confident.
 */
export function calibrationVerdict(
  forecast: number,
  observedPercent: number,
  tolerance = 10,
): CalibrationVerdict {
  if (Math.abs(observedPercent - forecast) <= tolerance) return 'about right';
  const leaning = forecast - 50;
  const happened = observedPercent - 50;
  const isSameWay = leaning * happened >= 0;
  return isSameWay && Math.abs(happened) > Math.abs(leaning) ? 'under-confident' : 'over-confident';
}
