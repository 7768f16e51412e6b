import type { ForecastItem } from '../lesson/lesson-schema';
import { calibrationBuckets } from '../scoring/calibration';
import { mean } from '../scoring/aggregate';
import { brierScoreFromPercent } from '../scoring/brier';
import type { ForecastScores, ScenarioOutcome } from '../api/dashboard-contracts';

export interface StudentForecast {
  readonly participantId: string;
  readonly label: string;
  /** Scenario id to probability in percent; scenarios not given are absent. */
  readonly probabilities: Readonly<Record<string, number>>;
}

const CALIBRATION_WIDTH = 20;

/**
 * The class's forecast scores once outcomes are revealed: per scenario the class's mean forecast
 * and mean Brier score, each student's mean Brier score, the class's mean, and calibration
 * (how often what the class gave about 70 % actually happened). Scenarios a student left out
 * do not count against them.
 */
export function computeForecastScores(
  item: ForecastItem,
  outcomes: Readonly<Record<string, ScenarioOutcome>>,
  forecasts: readonly StudentForecast[],
): ForecastScores {
  const happenedOf = (scenarioId: string): boolean | undefined => outcomes[scenarioId]?.happened;
  // A scenario neither revealed nor resolved in the lesson has no outcome yet: it is not scored.
  const scenarios = item.scenarios.flatMap((scenario) => {
    const happened = happenedOf(scenario.id) ?? scenario.resolution?.happened;
    if (happened === undefined) return [];
    const values = forecasts.flatMap((f) => {
      const value = f.probabilities[scenario.id];
      return value === undefined ? [] : [value];
    });
    return [
      {
        scenarioId: scenario.id,
        happened,
        classMean: mean(values),
        classBrier: mean(values.map((v) => brierScoreFromPercent(v, happened))),
      },
    ];
  });
  const happenedById = new Map(scenarios.map((s) => [s.scenarioId, s.happened]));
  const students = forecasts.map((f) => ({
    participantId: f.participantId,
    label: f.label,
    meanBrier: meanBrierOf(f.probabilities, happenedById),
  }));
  const allForecasts = forecasts.flatMap((f) =>
    Object.entries(f.probabilities).flatMap(([scenarioId, probability]) => {
      const happened = happenedById.get(scenarioId);
      return happened === undefined ? [] : [{ probability, happened }];
    }),
  );
  return {
    itemId: item.id,
    outcomes,
    scenarios,
    classMeanBrier: mean(allForecasts.map((f) => brierScoreFromPercent(f.probability, f.happened))),
    students,
    calibration: calibrationBuckets(allForecasts, CALIBRATION_WIDTH),
  };
}

function meanBrierOf(
  probabilities: Readonly<Record<string, number>>,
  happenedById: ReadonlyMap<string, boolean>,
): number | null {
  const scores = Object.entries(probabilities).flatMap(([scenarioId, percent]) => {
    const happened = happenedById.get(scenarioId);
    return happened === undefined ? [] : [brierScoreFromPercent(percent, happened)];
  });
  return mean(scores);
}

/** A student's copy: the class's figures and their own, without classmates' scores. */
export function forecastScoresForStudent(
  scores: ForecastScores,
  probabilities: Readonly<Record<string, number>> | undefined,
): ForecastScores {
  const happenedById = new Map(scores.scenarios.map((s) => [s.scenarioId, s.happened]));
  const perScenario: Record<string, number> = {};
  for (const [scenarioId, percent] of Object.entries(probabilities ?? {})) {
    const happened = happenedById.get(scenarioId);
    if (happened !== undefined) perScenario[scenarioId] = brierScoreFromPercent(percent, happened);
  }
  const { students: _students, calibration: _calibration, ...shared } = scores;
  return {
    ...shared,
    mine: { perScenario, meanBrier: mean(Object.values(perScenario)) },
  };
}
