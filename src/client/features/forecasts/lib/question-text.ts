import type {
  ForecastQuestionBase,
  ForecastQuestionStatus,
  ScenarioResolutionView,
} from '#domain/api/forecast-contracts';
import { formatDate } from '#shared/lib/format';
import { dayNumber } from '#domain/forecasting/days';

/** What the forecasts pages say about a question and its scenarios, in words. Pure. */

export const STATUS_TEXT: Readonly<Record<ForecastQuestionStatus, string>> = {
  open: 'Open',
  closed: 'Closed, waiting for the outcome',
  resolved: 'Resolved',
};

/** When updates stop: "Open until the end of 9 December 2026 (UTC)", or with the session. */
export function describeCloseDate(
  question: Pick<ForecastQuestionBase, 'closesOn' | 'status'>,
): string {
  if (question.closesOn === null) return 'Closes when the class session ends';
  const day = formatDate(question.closesOn);
  return question.status === 'open'
    ? `Open until the end of ${day} (UTC)`
    : `Closed at the end of ${day} (UTC)`;
}

/** A scenario's outcome in words: "Happened, on 8 December 2026". */
export function describeOutcome(resolution: ScenarioResolutionView | null): string {
  if (resolution === null) return 'Not resolved yet';
  const on = formatDate(resolution.resolvedOn);
  switch (resolution.outcome) {
    case 'yes':
      return `Happened, on ${on}`;
    case 'no':
      return `Did not happen (known on ${on})`;
    case 'annulled':
      return `Annulled on ${on}: it scores nobody`;
  }
}

/**
 * The last day a scenario's forecasts count for: its close date, or the day it resolved when
 * that came first; today while the question closes with its session.
 */
export function lastScoredDay(
  closesOn: string | null,
  resolution: ScenarioResolutionView | null,
  today: string,
): string {
  const closes = closesOn ?? today;
  if (resolution === null) return closes;
  return dayNumber(resolution.resolvedOn) < dayNumber(closes) ? resolution.resolvedOn : closes;
}

/** A score to three decimals, or a dash when there is none. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '–' : score.toFixed(3);
}

/** How many forecast it: "1 student has forecast" / "3 students have forecast". */
export function describeForecasters(count: number): string {
  return count === 1 ? '1 student has forecast' : `${count} students have forecast`;
}
