import { dayNumber, type IsoDay } from './days';
import type { ScenarioResolutions } from './forecast-types';

/**
 * Open: updates are accepted. Closed: past its close date, waiting for the teacher to resolve it.
 * Resolved: every scenario has an outcome (annulled counts).
 */
export type QuestionStatus = 'open' | 'closed' | 'resolved';

/**
 * The close date a question has when the teacher has set none: the forecast item's horizon when
 * that is after the day the session started (a question about the future); otherwise (a
 * historical question, whose horizon is already past) the day the session ended, or null while
 * the session is still open (it stays open as long as the session does).
 */
export function defaultClosesOn(question: {
  readonly opensOn: IsoDay;
  readonly horizon: IsoDay;
  readonly sessionEndedOn: IsoDay | null;
}): IsoDay | null {
  if (dayNumber(question.horizon) > dayNumber(question.opensOn)) return question.horizon;
  return question.sessionEndedOn;
}

/**
 * Where a question stands on `today`: resolved once every scenario has a resolution; otherwise
 * open through the end of its close date (forecasts are accepted on `closesOn` itself) and
 * closed after it. A null `closesOn` (a historical question in a session still open) is open.
 */
export function questionStatus(question: {
  readonly today: IsoDay;
  readonly closesOn: IsoDay | null;
  readonly scenarioIds: readonly string[];
  readonly resolutions: ScenarioResolutions;
}): QuestionStatus {
  const { today, closesOn, scenarioIds, resolutions } = question;
  if (scenarioIds.length > 0 && scenarioIds.every((id) => resolutions[id] !== undefined)) {
    return 'resolved';
  }
  if (closesOn === null) return 'open';
  return dayNumber(today) <= dayNumber(closesOn) ? 'open' : 'closed';
}

/**
 * Whether the teacher may set `closesOn` as a question's close date on `today`: not before the
 * day it opened, and for a question still open not before today (students who plan to come
 * back today must still be able to). Null when it may; otherwise what is wrong, in words.
 */
export function checkCloseDate(change: {
  readonly closesOn: IsoDay;
  readonly opensOn: IsoDay;
  readonly today: IsoDay;
  readonly status: QuestionStatus;
}): string | null {
  const { closesOn, opensOn, today, status } = change;
  if (status === 'resolved') return 'the question is resolved: its close date no longer matters';
  if (dayNumber(closesOn) < dayNumber(opensOn)) {
    return `must not be before the day the question opened (${opensOn})`;
  }
  if (status === 'open' && dayNumber(closesOn) < dayNumber(today)) {
    return `must not be before today (${today}) while the question is open`;
  }
  return null;
}
