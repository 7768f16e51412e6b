/**
 * Brier score of one probability forecast of a yes/no event: the squared distance between the
 * forecast probability (0 to 1) and the outcome (1 if it happened, 0 if not).
 * 0 is a perfect forecast, 0.25 is what always saying 50 % earns, 1 is the worst possible.
 */
export function brierScore(probability: number, happened: boolean): number {
  if (!Number.isFinite(probability) || probability < 0 || probability > 1) {
    throw new RangeError(`probability must be between 0 and 1, got ${probability}`);
  }
  const outcome = happened ? 1 : 0;
  return (probability - outcome) ** 2;
}

/** Brier score of a forecast given in percent, as students enter it. */
export function brierScoreFromPercent(percent: number, happened: boolean): number {
  return brierScore(percent / 100, happened);
}

export interface ScoredScenario {
  readonly scenarioId: string;
  readonly percent: number;
  readonly happened: boolean;
  readonly brier: number;
}

export interface ForecastScore {
  readonly scenarios: readonly ScoredScenario[];
  /** Mean Brier score over the scenarios that were forecast and are resolved; null when none is. */
  readonly meanBrier: number | null;
}

/**
 * Scores each forecast scenario against its outcome, skipping scenarios with no forecast and
 * scenarios not resolved yet (whose outcome the lesson does not know).
 */
export function scoreForecast(
  scenarios: readonly { id: string; resolution?: { happened: boolean } | undefined }[],
  probabilities: Readonly<Record<string, number | undefined>>,
): ForecastScore {
  const scored: ScoredScenario[] = [];
  for (const scenario of scenarios) {
    const percent = probabilities[scenario.id];
    if (percent === undefined || scenario.resolution === undefined) continue;
    const { happened } = scenario.resolution;
    scored.push({
      scenarioId: scenario.id,
      percent,
      happened,
      brier: brierScoreFromPercent(percent, happened),
    });
  }
  const meanBrier =
    scored.length === 0 ? null : scored.reduce((sum, s) => sum + s.brier, 0) / scored.length;
  return { scenarios: scored, meanBrier };
}
