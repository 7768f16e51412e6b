import { formatDay, futureDateIn } from './dates';
import type { ReadSentence } from './read-article';

/**
 * Forecast candidates from the article's predictions: each sentence whose deciding cue is a
 * prediction becomes a scenario, settled by the first future date it names, or by a default
 * horizon DEFAULT_HORIZON_MONTHS after the day the forecast is made (the article's date).
 */
export const DEFAULT_HORIZON_MONTHS = 3;
/** More horizons than this would crowd the lesson: later ones join the last. */
export const FORECAST_HORIZONS_MAX = 3;
/** A forecast with more scenarios than this is split into two items of the same horizon. */
export const SCENARIOS_PER_FORECAST_MAX = 5;

export interface PredictionFound {
  readonly sentence: ReadSentence;
  /** The section it is read in. */
  readonly section: number;
  /** The day by which it can be settled. */
  readonly horizon: string;
  /** Whether the horizon is a date the sentence names (not the default). */
  readonly named: boolean;
}

export interface ForecastGroup {
  readonly horizon: string;
  readonly predictions: readonly PredictionFound[];
  /** The section the item goes in: the one where its last prediction is read. */
  readonly section: number;
}

export function findPredictions(
  sentences: readonly { sentence: ReadSentence; section: number }[],
  asOf: string,
  defaultHorizon: string,
): PredictionFound[] {
  return sentences
    .filter(({ sentence }) => sentence.cue?.category === 'prediction')
    .map(({ sentence, section }) => {
      const named = futureDateIn(sentence, asOf);
      return { sentence, section, horizon: named ?? defaultHorizon, named: named !== null };
    });
}

/**
 * Predictions grouped by their horizon. Past FORECAST_HORIZONS_MAX horizons, the latest and the
 * ones most predictions share are kept, and each other prediction joins the nearest kept horizon
 * not before its own, so it can still be settled by it. A group of more than
 * SCENARIOS_PER_FORECAST_MAX is split evenly. Returned in the order the class reads them.
 */
export function groupByHorizon(predictions: readonly PredictionFound[]): ForecastGroup[] {
  const byHorizon = new Map<string, PredictionFound[]>();
  for (const prediction of predictions) {
    byHorizon.set(prediction.horizon, [...(byHorizon.get(prediction.horizon) ?? []), prediction]);
  }
  const horizons = [...byHorizon.keys()].sort();
  const latest = horizons[horizons.length - 1];
  const kept = [...byHorizon.entries()]
    .filter(([horizon]) => horizon !== latest)
    .sort(([a, pa], [b, pb]) => pb.length - pa.length || a.localeCompare(b))
    .slice(0, FORECAST_HORIZONS_MAX - 1)
    .map(([horizon]) => horizon)
    .concat(latest === undefined ? [] : [latest])
    .sort();
  const groups = new Map<string, PredictionFound[]>(kept.map((horizon) => [horizon, []]));
  for (const prediction of predictions) {
    const horizon = kept.find((h) => h >= prediction.horizon)!;
    groups.get(horizon)!.push(prediction);
  }
  return [...groups.entries()]
    .flatMap(([horizon, found]) => {
      const ordered = [...found].sort((a, b) => a.section - b.section);
      const count = Math.ceil(ordered.length / SCENARIOS_PER_FORECAST_MAX);
      const size = Math.ceil(ordered.length / count);
      const chunks: PredictionFound[][] = [];
      for (let k = 0; k < ordered.length; k += size) chunks.push(ordered.slice(k, k + size));
      return chunks.map((chunk) => ({
        horizon,
        predictions: chunk,
        section: Math.max(...chunk.map((p) => p.section)),
      }));
    })
    .sort((a, b) => a.section - b.section || a.horizon.localeCompare(b.horizon));
}

/** How likely the article's wording makes it, in percent, for the lesson's reading. */
function probabilityOf(cue: string): number {
  const words = cue.toLowerCase();
  if (/\bunlikely\b/u.test(words)) return 25;
  if (/\b(could|may|might|possibly)\b/u.test(words)) return 40;
  if (
    /\b(likely|probably|expects?|predicts?|forecasts?|projects?|anticipates?|foresees?)\b/u.test(
      words,
    )
  )
    return 70;
  if (/\b(expected|projected|predicted|forecast|scheduled|set|poised|bound)\b/u.test(words))
    return 75;
  if (/\b(next|coming)\b/u.test(words)) return 60;
  return 80;
}

/** Attribution that frames a prediction ("According to NOAA, ", "Officials said that"). */
const LEADING_ATTRIBUTION = /^according to [^,]{1,80},\s*/iu;

/** A prediction as a scenario's statement: the sentence, its leading attribution off. */
export function scenarioStatement(sentence: string): string {
  const stripped = sentence
    .replace(LEADING_ATTRIBUTION, '')
    .replace(/^[“"]|[”"]$/gu, '')
    .trim();
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

export function scenarioOf(prediction: PredictionFound, id: string): Record<string, unknown> {
  const cue = prediction.sentence.cue?.cue ?? '';
  const by = prediction.named
    ? `${formatDay(prediction.horizon)}, the date it names`
    : `${formatDay(prediction.horizon)} (a default: the sentence names no date)`;
  return {
    id,
    statement: scenarioStatement(prediction.sentence.text),
    lessonReading: {
      probability: probabilityOf(cue),
      reason: `The article says "${cue}".`,
    },
    drafted: `Counts as yes if a reliable report shows this has happened by ${by}: "${prediction.sentence.text}"`,
  };
}

export function forecastQuestion(asOf: string, horizon: string): string {
  return (
    `Imagine it is ${formatDay(asOf)} and you have just read this article. For each scenario, how ` +
    `likely is it to have happened by ${formatDay(horizon)}? Give a probability from 0 to 100 %. The scenarios are ` +
    'separate events, so your numbers do not need to add up to 100.'
  );
}
