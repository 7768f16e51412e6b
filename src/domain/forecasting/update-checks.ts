import { describeUnsafeText } from '../live/unsafe-text';

/** The longest reason a student may give for a version, in characters. */
export const FORECAST_REASON_MAX = 280;

/** Why a forecast update is refused, with the field at fault (for the API's error body). */
export interface ForecastUpdateProblem {
  /** `reason_required`: an update came without a reason; `invalid_input`: anything else. */
  readonly code: 'reason_required' | 'invalid_input';
  /** `reason`, `probabilities` or `probabilities.<scenarioId>`. */
  readonly field: string;
  readonly message: string;
}

/**
 * A reason as it is stored: trimmed, and null when nothing is left (no reason given).
 */
export function normalizeForecastReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Checks a forecast version a student sends from the forecasts page. It must give every
 * scenario of the question (and no other), each a finite percent from 0 to 100. Its reason
 * (after trimming) is one line of at most FORECAST_REASON_MAX characters with no unsafe text,
 * and is required when the student already has a version of this question (an update), optional
 * for their first. Null when it is fine; otherwise the first problem found.
 */
export function checkForecastUpdate(update: {
  readonly scenarioIds: readonly string[];
  readonly probabilities: Readonly<Record<string, number>>;
  readonly reason: string | null | undefined;
  /** Whether the student already has a version of this question (in class or here). */
  readonly hasEarlierVersion: boolean;
}): ForecastUpdateProblem | null {
  const { scenarioIds, probabilities, hasEarlierVersion } = update;
  const invalid = (field: string, message: string): ForecastUpdateProblem => ({
    code: 'invalid_input',
    field,
    message,
  });
  const unknown = Object.keys(probabilities).filter((id) => !scenarioIds.includes(id));
  if (unknown.length > 0) {
    return invalid('probabilities', `no such scenario in this question: ${unknown.join(', ')}`);
  }
  const missing = scenarioIds.filter((id) => !Object.hasOwn(probabilities, id));
  if (missing.length > 0) {
    return invalid(
      'probabilities',
      `give a percent for every scenario (missing: ${missing.join(', ')})`,
    );
  }
  for (const id of scenarioIds) {
    const percent = probabilities[id];
    if (percent === undefined || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      return invalid(`probabilities.${id}`, 'must be a number from 0 to 100');
    }
  }
  const reason = normalizeForecastReason(update.reason);
  if (reason === null) {
    return hasEarlierVersion
      ? {
          code: 'reason_required',
          field: 'reason',
          message: 'say in one line why you changed your forecast',
        }
      : null;
  }
  if (/[\r\n\u2028\u2029]/.test(reason)) return invalid('reason', 'must be one line');
  if (reason.length > FORECAST_REASON_MAX) {
    return invalid('reason', `must be at most ${FORECAST_REASON_MAX} characters`);
  }
  const unsafe = describeUnsafeText(reason);
  return unsafe === null ? null : invalid('reason', unsafe);
}
