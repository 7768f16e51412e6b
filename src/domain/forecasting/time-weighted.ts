import type { TimeWeightedScore } from './forecast-types';
import type { StandingStep } from './standing';

/** The log score's clip, in percent: 0 % and 100 % count as 1 % and 99 %. */
export const LOG_SCORE_CLIP_PERCENT = 1;

/** One day's Brier score of a standing forecast in percent: (p/100 − o)², o 1 for yes. */
export function dailyBrier(percent: number, happened: boolean): number {
  const outcome = happened ? 1 : 0;
  return (percent / 100 - outcome) ** 2;
}

/**
 * One day's log score of a standing forecast in percent: −ln(q), q the probability it gave to
 * what happened (p/100 for yes, 1 − p/100 for no), p first clipped to [1, 99] % so that a
 * confident miss costs ln(100) ≈ 4.6 rather than infinity. Natural log; lower is better.
 */
export function dailyLogScore(percent: number, happened: boolean): number {
  const clipped = Math.min(100 - LOG_SCORE_CLIP_PERCENT, Math.max(LOG_SCORE_CLIP_PERCENT, percent));
  const probability = happened ? clipped / 100 : 1 - clipped / 100;
  return -Math.log(probability);
}

/**
 * The class median's daily scores as running sums, so a forecaster's days on the median cost
 * O(1): `brier[d]` and `log[d]` are the sums over the window's days before day index d, counting
 * days with no median (nobody had forecast) as 0.
 */
export interface MedianPrefix {
  readonly brier: Float64Array;
  readonly log: Float64Array;
  /** The first day index with a median; the window's length when there is none. */
  readonly firstScoredDay: number;
}

/** Running sums of the daily scores of a daily median series (NaN: no median that day). */
export function medianPrefix(medians: Float64Array, happened: boolean): MedianPrefix {
  const length = medians.length;
  const brier = new Float64Array(length + 1);
  const log = new Float64Array(length + 1);
  let firstScoredDay = length;
  for (let day = 0; day < length; day++) {
    const median = medians[day]!;
    const isScored = !Number.isNaN(median);
    if (isScored && firstScoredDay === length) firstScoredDay = day;
    brier[day + 1] = brier[day]! + (isScored ? dailyBrier(median, happened) : 0);
    log[day + 1] = log[day]! + (isScored ? dailyLogScore(median, happened) : 0);
  }
  return { brier, log, firstScoredDay };
}

/**
 * The time-weighted score of one scenario for a forecaster whose standing forecast takes
 * `steps` (days ascending) over the window of `prefix`: their own forecast from their first step
 * to the end, the class median before it, the days with no median left out; the mean over the
 * days left. Null for no steps. The forecaster must count in the median (a member of the class,
 * or a team of its members), so the median exists from their first step on.
 */
export function timeWeightedScore(
  steps: readonly StandingStep[],
  prefix: MedianPrefix,
  happened: boolean,
): TimeWeightedScore | null {
  const first = steps[0];
  if (first === undefined) return null;
  const length = prefix.brier.length - 1;
  const scoredDays = length - prefix.firstScoredDay;
  let brier = prefix.brier[first.day]! - prefix.brier[prefix.firstScoredDay]!;
  let log = prefix.log[first.day]! - prefix.log[prefix.firstScoredDay]!;
  steps.forEach((step, index) => {
    const days = (steps[index + 1]?.day ?? length) - step.day;
    brier += days * dailyBrier(step.percent, happened);
    log += days * dailyLogScore(step.percent, happened);
  });
  return { brier: brier / scoredDays, logScore: log / scoredDays };
}
