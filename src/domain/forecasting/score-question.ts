import { dayNumber, dayOfNumber, type IsoDay } from './days';
import type {
  Forecaster,
  ForecastTeam,
  ScenarioResolutions,
  TimeWeightedScore,
} from './forecast-types';
import {
  dailyValues,
  groupMedianSteps,
  standingSteps,
  timeVersions,
  type StandingStep,
} from './standing';
import { medianPrefix, timeWeightedScore, type MedianPrefix } from './time-weighted';
import { mean } from '../scoring/aggregate';

/** One question to score: its days, its scenarios' resolutions, and every version made. */
export interface QuestionScoringInput {
  /** The day the question opened (the session's first day): the first scored day. */
  readonly opensOn: IsoDay;
  /**
   * The question's close date; null when it has none yet (a historical question of a session
   * still open), and then each scenario's window ends on its `resolvedOn`.
   */
  readonly closesOn: IsoDay | null;
  readonly scenarioIds: readonly string[];
  /** Only `yes` and `no` scenarios are scored; annulled and unresolved ones are left out. */
  readonly resolutions: ScenarioResolutions;
  readonly forecasters: readonly Forecaster[];
  /** The teacher's groups; members who are not among the forecasters are ignored. */
  readonly teams?: readonly ForecastTeam[];
}

/** The class's side of one scored scenario. */
export interface ScenarioScoring {
  readonly scenarioId: string;
  readonly outcome: 'yes' | 'no';
  /** The scoring window, both days included (see `scoringWindow`). */
  readonly firstDay: IsoDay;
  readonly lastDay: IsoDay;
  /** Days of the window on which someone had forecast: the days anyone is scored on. */
  readonly scoredDays: number;
  /** The class median's time-weighted score; null when nobody forecast within the window. */
  readonly classMedian: TimeWeightedScore | null;
  /** The class median standing on the last day, in percent; null when nobody had forecast. */
  readonly finalMedianPercent: number | null;
}

/** A forecaster's (or team's) score of one scenario. */
export interface ScenarioScore extends TimeWeightedScore {
  readonly scenarioId: string;
  readonly happened: boolean;
  /** Their own standing forecast on the window's last day, in percent (for calibration). */
  readonly finalPercent: number;
}

/** A forecaster's (or team's) score of a question. */
export interface QuestionScore {
  /** The participant id, or the team id. */
  readonly id: string;
  /**
   * Means over the scored scenarios of the scenario scores; null when they made no version of
   * a scored scenario by its window's last day (no score rather than the median's).
   */
  readonly score: TimeWeightedScore | null;
  /** One per scored scenario they forecast by its last day. */
  readonly scenarios: readonly ScenarioScore[];
}

/** Everything a resolution scores, for one question. */
export interface QuestionScores {
  /** The scored scenarios (resolved yes or no), in the question's order. */
  readonly scenarios: readonly ScenarioScoring[];
  /** The class median's score: means over the scored scenarios; null when none was forecast. */
  readonly classMedian: TimeWeightedScore | null;
  /** One per forecaster, in the input's order. */
  readonly forecasters: readonly QuestionScore[];
  /** One per team, in the input's order. */
  readonly teams: readonly QuestionScore[];
}

/**
 * The days a resolved scenario is scored on, both included: from the day the question opened
 * through `min(closesOn, resolvedOn)` (a scenario settled early stops counting when it is
 * settled). An outcome known before the question opened (a historical question) ends the window
 * at `closesOn` instead, or on the opening day when there is no close date. Never empty: the
 * last day is at least the first.
 */
export function scoringWindow(window: {
  readonly opensOn: IsoDay;
  readonly closesOn: IsoDay | null;
  readonly resolvedOn: IsoDay;
}): { readonly firstDay: IsoDay; readonly lastDay: IsoDay } {
  const first = dayNumber(window.opensOn);
  const resolved = dayNumber(window.resolvedOn);
  const closes = window.closesOn === null ? null : dayNumber(window.closesOn);
  let last: number;
  if (resolved < first) last = closes ?? first;
  else last = closes === null ? resolved : Math.min(closes, resolved);
  return { firstDay: window.opensOn, lastDay: dayOfNumber(Math.max(first, last)) };
}

/**
 * Scores a question as Good Judgment Open does, per scored scenario and then the mean over
 * scenarios. On each day of the scoring window a forecaster's standing forecast is their latest
 * version made on or before that UTC day (of several on one day, the last); days before their
 * first version take the class median of that day (the median of the standing forecasts of
 * everyone who had forecast by then); days on which nobody had forecast are scored for nobody.
 * The time-weighted Brier is the mean over the scored days of (p/100 − o)², o 1 for yes and 0 for
 * no; the log score the mean of −ln(q), q = p/100 for yes and 1 − p/100 for no, p clipped to
 * [1, 99] % so 0 % and 100 % cost a finite amount. The class median is scored on its own series,
 * and a team on the median of its members who had forecast (the class median before any had).
 * Cost per scenario: O(days × (1 + teams) + versions × forecasters) at worst, the second term
 * from keeping the standing forecasts sorted as they change (no sort per day).
 */
export function scoreQuestion(input: QuestionScoringInput): QuestionScores {
  const timed = input.forecasters.map((forecaster) => timeVersions(forecaster.versions));
  const indexOf = new Map(input.forecasters.map((forecaster, index) => [forecaster.id, index]));
  const teams = (input.teams ?? []).map((team) => ({
    id: team.id,
    members: team.memberIds.flatMap((id) => {
      const index = indexOf.get(id);
      return index === undefined ? [] : [index];
    }),
  }));
  const everyone = input.forecasters.map((_, index) => index);
  const forecasterScores: ScenarioScore[][] = input.forecasters.map(() => []);
  const teamScores: ScenarioScore[][] = teams.map(() => []);
  const scenarios: ScenarioScoring[] = [];
  for (const scenarioId of input.scenarioIds) {
    const resolution = input.resolutions[scenarioId];
    if (resolution === undefined || resolution.outcome === 'annulled') continue;
    const happened = resolution.outcome === 'yes';
    const { firstDay, lastDay } = scoringWindow({ ...input, resolvedOn: resolution.resolvedOn });
    const first = dayNumber(firstDay);
    const length = dayNumber(lastDay) - first + 1;
    const steps = timed.map((versions) => standingSteps(versions, scenarioId, first, length));
    const [classSteps = [], ...stepsOfTeams] = groupMedianSteps(steps, length, [
      everyone,
      // A team stands at the median of its members who have forecast.
      ...teams.map((team) => team.members),
    ]);
    const medians = dailyValues(classSteps, length);
    const prefix = medianPrefix(medians, happened);
    const scoreOf = (own: readonly StandingStep[]): ScenarioScore | null => {
      const score = timeWeightedScore(own, prefix, happened);
      const finalPercent = own[own.length - 1]?.percent;
      return score === null || finalPercent === undefined
        ? null
        : { scenarioId, happened, finalPercent, ...score };
    };
    steps.forEach((own, index) => {
      const score = scoreOf(own);
      if (score) forecasterScores[index]!.push(score);
    });
    stepsOfTeams.forEach((own, index) => {
      const score = scoreOf(own);
      if (score) teamScores[index]!.push(score);
    });
    const finalMedian = medians[length - 1]!;
    const hasMedian = !Number.isNaN(finalMedian);
    scenarios.push({
      scenarioId,
      outcome: resolution.outcome,
      firstDay,
      lastDay,
      scoredDays: length - prefix.firstScoredDay,
      classMedian: hasMedian ? medianScore(prefix) : null,
      finalMedianPercent: hasMedian ? finalMedian : null,
    });
  }
  return {
    scenarios,
    classMedian: meanTimeWeightedScore(
      scenarios.flatMap((s) => (s.classMedian ? [s.classMedian] : [])),
    ),
    forecasters: input.forecasters.map((forecaster, index) =>
      questionScore(forecaster.id, forecasterScores[index]!),
    ),
    teams: teams.map((team, index) => questionScore(team.id, teamScores[index]!)),
  };
}

function medianScore(prefix: MedianPrefix): TimeWeightedScore {
  const length = prefix.brier.length - 1;
  const days = length - prefix.firstScoredDay;
  return { brier: prefix.brier[length]! / days, logScore: prefix.log[length]! / days };
}

/**
 * The mean of several time-weighted scores (Brier and log score each), e.g. a student's over
 * their resolved questions; null for none.
 */
export function meanTimeWeightedScore(
  scores: readonly TimeWeightedScore[],
): TimeWeightedScore | null {
  const brier = mean(scores.map((score) => score.brier));
  const logScore = mean(scores.map((score) => score.logScore));
  return brier === null || logScore === null ? null : { brier, logScore };
}

function questionScore(id: string, scenarios: readonly ScenarioScore[]): QuestionScore {
  return { id, score: meanTimeWeightedScore(scenarios), scenarios };
}
