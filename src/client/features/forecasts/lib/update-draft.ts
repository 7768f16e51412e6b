import { FORECAST_REASON_MAX_LENGTH } from '#domain/api/forecast-contracts';

/**
 * What the update form checks before it sends, so a student hears what is missing at once, in
 * the words the server would use: every scenario needs a percent, and a reason is required on
 * every update after the first version (one line, at most 280 characters).
 */

export interface UpdateDraft {
  readonly probabilities: Readonly<Record<string, number | undefined>>;
  readonly reason: string;
}

export interface DraftProblems {
  /** The statements of the scenarios without a percent. */
  readonly missingScenarios: readonly string[];
  readonly reason: string | null;
}

export function checkUpdateDraft(
  draft: UpdateDraft,
  scenarios: readonly { readonly id: string; readonly statement: string }[],
  isFirstVersion: boolean,
): DraftProblems {
  const missingScenarios = scenarios
    .filter((scenario) => draft.probabilities[scenario.id] === undefined)
    .map((scenario) => scenario.statement);
  const reason = draft.reason.trim();
  let reasonProblem: string | null = null;
  if (reason === '' && !isFirstVersion) {
    reasonProblem = 'Say in one line why you are changing your forecast.';
  } else if (reason.length > FORECAST_REASON_MAX_LENGTH) {
    reasonProblem = `Keep your reason to ${FORECAST_REASON_MAX_LENGTH} characters (it has ${reason.length}).`;
  }
  return { missingScenarios, reason: reasonProblem };
}

export const hasProblems = (problems: DraftProblems): boolean =>
  problems.missingScenarios.length > 0 || problems.reason !== null;

/** The request body: every scenario's percent, the reason when one was given. */
export function toUpdateRequest(draft: UpdateDraft): {
  probabilities: Record<string, number>;
  reason?: string;
} {
  const probabilities = Object.fromEntries(
    Object.entries(draft.probabilities).flatMap(([id, percent]) =>
      percent === undefined ? [] : [[id, percent] as const],
    ),
  );
  const reason = draft.reason.trim();
  return reason === '' ? { probabilities } : { probabilities, reason };
}
