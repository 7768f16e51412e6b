import type { ForecastCalibration as CalibrationView } from '#domain/api/forecast-contracts';
import type { DayPercent, ForecastScore } from '#domain/api/forecast-contracts';
import { forecastCalibration } from '#domain/forecasting/forecast-calibration';
import type { TimeWeightedScore } from '#domain/forecasting/forecast-types';
import { classMedianSeries, type MedianPoint } from '#domain/forecasting/median-series';
import { scoreQuestion, type QuestionScores } from '#domain/forecasting/score-question';
import type { CalibrationForecast } from '#domain/scoring/calibration';
import { mean } from '#domain/scoring/aggregate';
import { questionKey, type ForecastBoard, type ForecastQuestion } from './forecast-board';

/** A question scored, with its class median over time (issue 26). */
export interface ScoredQuestion {
  readonly question: ForecastQuestion;
  readonly scores: QuestionScores;
  /** By scenario id: the median on each day it changed. */
  readonly medians: Readonly<Record<string, readonly DayPercent[]>>;
}

/** A step series keeps only the days its value changed: what a step chart draws. */
function changesOnly(points: readonly MedianPoint[]): MedianPoint[] {
  return points.filter(
    (point, index) => index === 0 || points[index - 1]!.percent !== point.percent,
  );
}

/** Scores every question of the board with the forecasting domain's rules. */
export function scoreBoard(board: ForecastBoard): ScoredQuestion[] {
  return board.questions.map((question) => {
    const key = questionKey(question.session.id, question.item.id);
    const byStudent = board.versions.get(key);
    const forecasters = byStudent
      ? [...byStudent.entries()].map(([id, versions]) => ({ id, versions }))
      : [];
    const scenarioIds = question.item.scenarios.map((s) => s.id);
    const scores = scoreQuestion({
      opensOn: question.opensOn,
      closesOn: question.closesOn,
      scenarioIds,
      resolutions: question.scoringResolutions,
      forecasters,
      teams: board.teams.filter((team) => team.sessionId === question.session.id),
    });
    // The median runs to today, or to the close date once that has passed.
    const throughDay =
      question.closesOn !== null && question.closesOn < board.today
        ? question.closesOn
        : board.today;
    const series = classMedianSeries({
      opensOn: question.opensOn,
      throughDay,
      scenarioIds,
      forecasters,
    });
    const medians = Object.fromEntries(
      Object.entries(series).map(([id, points]) => [id, changesOnly(points)]),
    );
    return { question, scores, medians };
  });
}

export const toScore = (score: TimeWeightedScore | null): ForecastScore => ({
  timeWeightedBrier: score?.brier ?? null,
  logScore: score?.logScore ?? null,
});

/** The mean of some question scores (a team's, a student's over the class's questions). */
export function meanOfScores(scores: readonly (TimeWeightedScore | null)[]): ForecastScore {
  const present = scores.filter((score): score is TimeWeightedScore => score !== null);
  return {
    timeWeightedBrier: mean(present.map((score) => score.brier)),
    logScore: mean(present.map((score) => score.logScore)),
  };
}

/** A calibration chart and decomposition as the API answers them. */
export function calibrationView(forecasts: readonly CalibrationForecast[]): CalibrationView {
  const { buckets, decomposition } = forecastCalibration(forecasts);
  return {
    bins: buckets.map((bucket) => ({ ...bucket })),
    forecastCount: decomposition?.forecasts ?? 0,
    decomposition: decomposition && {
      reliability: decomposition.reliability,
      resolution: decomposition.resolution,
      uncertainty: decomposition.uncertainty,
      meanBrier: decomposition.meanBrier,
    },
  };
}
