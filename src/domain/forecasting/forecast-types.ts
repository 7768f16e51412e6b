import type { IsoDay } from './days';

/** What the teacher settles a scenario as: it happened, it did not, or it no longer counts. */
export const SCENARIO_OUTCOMES = ['yes', 'no', 'annulled'] as const;
export type ScenarioOutcome = (typeof SCENARIO_OUTCOMES)[number];

/** A scenario's resolution, as far as scoring needs it. */
export interface ScenarioResolution {
  readonly outcome: ScenarioOutcome;
  /** The day the outcome became known (or the event happened): the scoring window ends there. */
  readonly resolvedOn: IsoDay;
}

/** The resolutions of a question's scenarios by scenario id; an unresolved scenario is absent. */
export type ScenarioResolutions = Readonly<Record<string, ScenarioResolution | undefined>>;

/** One version of a student's (or a team's) forecast of a question. */
export interface ForecastVersion {
  /** Scenario id to probability in percent, 0 to 100. */
  readonly probabilities: Readonly<Record<string, number>>;
  /** When it was made, an ISO 8601 timestamp; its UTC day is the day it starts to stand. */
  readonly madeAt: string;
}

/** Everyone who forecast a question, with every version they made, in any order. */
export interface Forecaster {
  /** The participant id. */
  readonly id: string;
  readonly versions: readonly ForecastVersion[];
}

/** A group the teacher set: its forecast is the median of its members'. */
export interface ForecastTeam {
  readonly id: string;
  readonly name: string;
  /** Participant ids; a participant is in at most one team. */
  readonly memberIds: readonly string[];
}

/** A time-weighted score pair; lower is better for both. */
export interface TimeWeightedScore {
  /** Mean over the scored days of (p − o)², p the standing probability, o 1 for yes, 0 for no. */
  readonly brier: number;
  /** Mean over the scored days of −ln(q), q the probability given to what happened, clipped. */
  readonly logScore: number;
}
