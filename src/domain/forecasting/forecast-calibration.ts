import {
  calibrationBuckets,
  meanBrierScore,
  type CalibrationBucket,
  type CalibrationForecast,
} from '../scoring/calibration';
import type { QuestionScores } from './score-question';

/** The bin width of a forecasting calibration chart, in percent. */
export const FORECAST_CALIBRATION_WIDTH = 10;

/**
 * Murphy's decomposition of the Brier score over the calibration bins (each term 0 to 1):
 * `reliability − resolution + uncertainty` is the mean Brier score the forecasts would earn if
 * each were replaced by its bin's mean forecast (`binnedBrier`), close to the real `meanBrier`.
 */
export interface BrierDecomposition {
  /** How many forecasts it covers. */
  readonly forecasts: number;
  /** The mean Brier score of the forecasts themselves. */
  readonly meanBrier: number;
  /** Σ n_k (f_k − o_k)² / N, f_k a bin's mean forecast, o_k its rate: lower is better calibrated. */
  readonly reliability: number;
  /** Σ n_k (o_k − ō)² / N, ō the overall rate: higher tells what happened from what did not. */
  readonly resolution: number;
  /** ō (1 − ō): how hard the events were to foresee, whoever forecast them. */
  readonly uncertainty: number;
  /** reliability − resolution + uncertainty. */
  readonly binnedBrier: number;
}

/** A calibration chart and its decomposition. */
export interface ForecastCalibration {
  /** Ten 10 % bins with counts (calibrationBuckets of scoring/calibration.ts). */
  readonly buckets: readonly CalibrationBucket[];
  /** Null when there are no forecasts. */
  readonly decomposition: BrierDecomposition | null;
}

/**
 * Murphy's Brier decomposition of some forecasts over 10 % calibration bins; null for none.
 *
 * @throws RangeError when a probability is outside 0-100.
 */
export function brierDecomposition(
  forecasts: readonly CalibrationForecast[],
): BrierDecomposition | null {
  return forecastCalibration(forecasts).decomposition;
}

/**
 * The calibration chart (ten 10 % bins with counts) and the Brier decomposition of some
 * forecasts, in percent with their outcomes.
 *
 * @throws RangeError when a probability is outside 0-100.
 */
export function forecastCalibration(
  forecasts: readonly CalibrationForecast[],
): ForecastCalibration {
  const buckets = calibrationBuckets(forecasts, FORECAST_CALIBRATION_WIDTH);
  const meanBrier = meanBrierScore(forecasts);
  if (meanBrier === null) return { buckets, decomposition: null };
  const count = forecasts.length;
  const baseRate = forecasts.filter((forecast) => forecast.happened).length / count;
  let reliability = 0;
  let resolution = 0;
  for (const bucket of buckets) {
    if (bucket.meanProbability === null || bucket.observedRate === null) continue;
    reliability += bucket.forecasts * (bucket.meanProbability / 100 - bucket.observedRate) ** 2;
    resolution += bucket.forecasts * (bucket.observedRate - baseRate) ** 2;
  }
  reliability /= count;
  resolution /= count;
  const uncertainty = baseRate * (1 - baseRate);
  return {
    buckets,
    decomposition: {
      forecasts: count,
      meanBrier,
      reliability,
      resolution,
      uncertainty,
      binnedBrier: reliability - resolution + uncertainty,
    },
  };
}

/**
 * A forecaster's (participant's or team's) final standing forecast of every scored scenario of
 * the given questions, as calibration input: where they stood on each window's last day.
 */
export function finalForecastsOf(
  id: string,
  questions: readonly QuestionScores[],
): CalibrationForecast[] {
  return questions.flatMap((question) => {
    const own =
      question.forecasters.find((f) => f.id === id) ?? question.teams.find((t) => t.id === id);
    return (own?.scenarios ?? []).map((scenario) => ({
      probability: scenario.finalPercent,
      happened: scenario.happened,
    }));
  });
}

/**
 * Every forecaster's (participants' and teams') final standing forecasts at once, by id: the same
 * as `finalForecastsOf` for each, in one pass (for a whole class, where one lookup per student
 * per question would cost students² time).
 */
export function finalForecastsByForecaster(
  questions: readonly QuestionScores[],
): Map<string, CalibrationForecast[]> {
  const byId = new Map<string, CalibrationForecast[]>();
  for (const question of questions) {
    for (const { id, scenarios } of [...question.forecasters, ...question.teams]) {
      let forecasts = byId.get(id);
      if (forecasts === undefined) byId.set(id, (forecasts = []));
      for (const { finalPercent, happened } of scenarios) {
        forecasts.push({ probability: finalPercent, happened });
      }
    }
  }
  return byId;
}

/** The class median's final standing forecast of every scored scenario of the given questions. */
export function classMedianFinalForecasts(
  questions: readonly QuestionScores[],
): CalibrationForecast[] {
  return questions.flatMap((question) =>
    question.scenarios.flatMap((scenario) =>
      scenario.finalMedianPercent === null
        ? []
        : [{ probability: scenario.finalMedianPercent, happened: scenario.outcome === 'yes' }],
    ),
  );
}
