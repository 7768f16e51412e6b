import type { ForecastQuestionStatus } from '../api/forecast-contracts';

/**
 * When a class's forecast question is open (issue 26). Days are UTC calendar days written
 * `YYYY-MM-DD`, which compare in order as strings.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC calendar day of an instant. */
export function utcDay(instant: Date | string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** The day `count` days after `day` (before, when negative). */
export function addDays(day: string, count: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS));
}

/**
 * The close date a question has unless the teacher sets one: the forecast's horizon when it
 * is after the session's first day; otherwise (a question about the past, as in the built-in
 * lesson) the day the session ended, and null while it is open: open with the session.
 */
export function defaultClosesOn(question: {
  readonly opensOn: string;
  readonly horizon: string;
  readonly sessionEndedOn: string | null;
}): string | null {
  return question.horizon > question.opensOn ? question.horizon : question.sessionEndedOn;
}

/**
 * Resolved once every scenario has an outcome; before that open through the end of the close
 * day (always, while the close date is null), closed after it.
 */
export function questionStatus(question: {
  readonly today: string;
  readonly closesOn: string | null;
  readonly scenarioCount: number;
  readonly resolvedCount: number;
}): ForecastQuestionStatus {
  if (question.resolvedCount >= question.scenarioCount) return 'resolved';
  if (question.closesOn === null || question.today <= question.closesOn) return 'open';
  return 'closed';
}
