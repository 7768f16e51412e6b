import { formatDay, futureDateIn } from './dates';
import type { ReadSentence } from './read-article';

/**
 * Forecast candidates from the article's predictions: each sentence whose deciding cue is a
 * prediction becomes a scenario, settled by the first future date it names, or by a default
 * horizon DEFAULT_HORIZON_MONTHS after the day the forecast is made (the article's date).
 */
export const DEFAULT_HORIZON_MONTHS = 3;
/** More forecasts than this would crowd the lesson: the other predictions stay claims. */
export const FORECASTS_MAX = 2;
/** A forecast's scenarios, at most: more are too many to weigh one by one. */
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

/** A quotation mark: a sentence with one quotes a remark (its claim keeps it, whole). */
const QUOTATION = /["“”]/u;
/** The cue ends a clause leading up to it, its subject a relative pronoun ("Tran, who is expected to"). */
const RELATIVE_SUBJECT = /\b(who|which|that)\s*$/iu;
/**
 * A clause of its own before the cue's ("…costs roughly $450, but the city…"); not ", and",
 * which as often ends a list ("the National Heart, Lung, and Blood Institute").
 */
const EARLIER_CLAUSE = /,\s*(but|yet|while|whereas|although)\b|;/iu;
/** A future already in the main clause ("The crew will launch on the mission, which is scheduled to"). */
const MAIN_FUTURE = /\b(will|shall|won't)\b/iu;

/**
 * Whether the sentence is a forecast's statement of a future event: its cue in the main clause,
 * and no quoted remark. "Planting a tree costs $450, but … will bring the cost to $725" reports a
 * present fact; "Tran, who is expected to sign …, said …" a statement; both stay claims.
 */
export function statesAFuture(text: string, cue: string): boolean {
  if (QUOTATION.test(text)) return false;
  const at = text.toLowerCase().indexOf(cue.toLowerCase());
  if (at < 0) return true;
  const before = text.slice(0, at);
  if (MAIN_FUTURE.test(before)) return true;
  return !RELATIVE_SUBJECT.test(before) && !EARLIER_CLAUSE.test(before);
}

/**
 * The article's predictions that state a future event (statesAFuture), each sentence once (a
 * standfirst may repeat a paragraph).
 */
export function findPredictions(
  sentences: readonly { sentence: ReadSentence; section: number }[],
  asOf: string,
  defaultHorizon: string,
): PredictionFound[] {
  const seen = new Set<string>();
  return sentences
    .filter(({ sentence }) => {
      if (sentence.cue?.category !== 'prediction' || seen.has(sentence.text)) return false;
      if (!statesAFuture(sentence.text, sentence.cue.cue)) return false;
      seen.add(sentence.text);
      return true;
    })
    .map(({ sentence, section }) => {
      const named = futureDateIn(sentence, asOf);
      return { sentence, section, horizon: named ?? defaultHorizon, named: named !== null };
    });
}

/**
 * At most FORECASTS_MAX forecasts of at most SCENARIOS_PER_FORECAST_MAX scenarios. When there
 * are more predictions, those that name their date and have the clearest cue are kept. The kept
 * ones, in the order of their horizons, are cut in two where the most of them are settled by
 * their own date (each joins the latest horizon of its part, so it can still be settled by it),
 * and as evenly as that allows; predictions of one horizon that fit in one forecast stay one.
 * Returned in the order the class reads them.
 */
export function groupByHorizon(predictions: readonly PredictionFound[]): ForecastGroup[] {
  const limit = FORECASTS_MAX * SCENARIOS_PER_FORECAST_MAX;
  const reading = new Map(predictions.map((p, k) => [p, k]));
  const kept = [...predictions]
    .sort(
      (a, b) =>
        Number(b.named) - Number(a.named) ||
        (a.sentence.cue?.rank ?? Infinity) - (b.sentence.cue?.rank ?? Infinity) ||
        reading.get(a)! - reading.get(b)!,
    )
    .slice(0, limit)
    .sort((a, b) => a.horizon.localeCompare(b.horizon) || reading.get(a)! - reading.get(b)!);
  const n = kept.length;
  if (n === 0) return [];
  const last = (chunk: readonly PredictionFound[]) => chunk[chunk.length - 1]!.horizon;
  let chunks = [kept];
  if (n > SCENARIOS_PER_FORECAST_MAX || last(kept) !== kept[0]!.horizon) {
    let best = { own: -1, balance: -Infinity, cut: 1 };
    const from = Math.max(1, n - SCENARIOS_PER_FORECAST_MAX);
    for (let cut = from; cut <= Math.min(SCENARIOS_PER_FORECAST_MAX, n - 1); cut += 1) {
      const [first, rest] = [kept.slice(0, cut), kept.slice(cut)];
      const own =
        first.filter((p) => p.horizon === last(first)).length +
        rest.filter((p) => p.horizon === last(rest)).length;
      const balance = -Math.abs(2 * cut - n);
      if (own > best.own || (own === best.own && balance >= best.balance)) {
        best = { own, balance, cut };
      }
    }
    chunks = [kept.slice(0, best.cut), kept.slice(best.cut)];
  }
  return chunks
    .map((chunk) => ({
      horizon: last(chunk),
      predictions: [...chunk].sort((a, b) => reading.get(a)! - reading.get(b)!),
      section: Math.max(...chunk.map((p) => p.section)),
    }))
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

/** A prediction as a scenario's statement: the sentence (no quoted remark), its leading attribution off. */
export function scenarioStatement(sentence: string): string {
  const stripped = sentence.replace(LEADING_ATTRIBUTION, '').trim();
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
