/**
 * Times scoring a resolution for a whole class: 1,000 students × 20 questions (3 scenarios
 * each, open 60 days) × 10 versions each, in 100 teams of 10. Each run scores every question
 * (time-weighted Brier and log score of every student, team and the class median), then every
 * student's and the median's calibration with its decomposition, and the leaderboard. Pure
 * compute on generated data; prints the median of 5 runs, in wall-clock time and in the
 * process's CPU time (steadier on a busy machine).
 *
 *   npm run bench:forecast-scoring
 */
import { addDays } from '#domain/forecasting/days';
import {
  classMedianFinalForecasts,
  finalForecastsByForecaster,
  forecastCalibration,
} from '#domain/forecasting/forecast-calibration';
import type { Forecaster, ForecastTeam } from '#domain/forecasting/forecast-types';
import { forecastPseudonyms, rankLeaderboard } from '#domain/forecasting/leaderboard';
import { scoreQuestion, type QuestionScoringInput } from '#domain/forecasting/score-question';

const RUNS = 5;
const STUDENTS = 1000;
const QUESTIONS = 20;
const VERSIONS = 10;
const SCENARIOS = ['s1', 's2', 's3'];
const OPEN_DAYS = 60;
const TEAM_SIZE = 10;
const OPENS_ON = '2026-01-05';

/** A small seeded generator (mulberry32), so every run scores the same class. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateQuestion(seed: number, students: readonly string[]): QuestionScoringInput {
  const next = random(seed);
  const closesOn = addDays(OPENS_ON, OPEN_DAYS - 1);
  const forecasters: Forecaster[] = students.map((id) => ({
    id,
    versions: Array.from({ length: VERSIONS }, () => {
      const time = Date.parse(`${OPENS_ON}T00:00:00Z`) + next() * OPEN_DAYS * 86_400_000;
      return {
        probabilities: Object.fromEntries(SCENARIOS.map((s) => [s, Math.round(next() * 100)])),
        madeAt: new Date(time).toISOString(),
      };
    }),
  }));
  const teams: ForecastTeam[] = Array.from({ length: STUDENTS / TEAM_SIZE }, (_, team) => ({
    id: `team-${team}`,
    name: `Team ${team + 1}`,
    memberIds: students.slice(team * TEAM_SIZE, (team + 1) * TEAM_SIZE),
  }));
  return {
    opensOn: OPENS_ON,
    closesOn,
    scenarioIds: SCENARIOS,
    resolutions: {
      s1: { outcome: 'yes', resolvedOn: closesOn },
      s2: { outcome: 'no', resolvedOn: addDays(OPENS_ON, 40) },
      s3: { outcome: seed % 2 === 0 ? 'annulled' : 'yes', resolvedOn: closesOn },
    },
    forecasters,
    teams,
  };
}

function scoreClass(questions: readonly QuestionScoringInput[], students: readonly string[]) {
  const scores = questions.map(scoreQuestion);
  const finals = finalForecastsByForecaster(scores);
  const calibrations = students.map((id) => forecastCalibration(finals.get(id) ?? []));
  const medianCalibration = forecastCalibration(classMedianFinalForecasts(scores));
  const pseudonyms = forecastPseudonyms(students);
  const scoresOf = new Map<string, { brier: number; logScore: number }[]>();
  for (const question of scores) {
    for (const { id, score } of question.forecasters) {
      if (score === null) continue;
      const list = scoresOf.get(id) ?? [];
      list.push(score);
      scoresOf.set(id, list);
    }
  }
  const leaderboard = rankLeaderboard(
    students.map((id, index) => ({
      id,
      label: pseudonyms.get(id) ?? id,
      optedIn: index % 2 === 0,
      questionScores: scoresOf.get(id) ?? [],
    })),
  );
  return { scores, calibrations, medianCalibration, leaderboard };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const students = Array.from({ length: STUDENTS }, (_, index) => `student-${index}`);
const questions = Array.from({ length: QUESTIONS }, (_, index) =>
  generateQuestion(index + 1, students),
);
const times: number[] = [];
const cpuTimes: number[] = [];
let summary = '';
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = scoreClass(questions, students);
  times.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  const median = result.scores[0]?.classMedian?.brier.toFixed(4) ?? 'none';
  summary =
    `class median Brier of question 1 ${median}, ` +
    `${result.calibrations.length} calibrations, ${result.leaderboard.length} on the leaderboard`;
}
console.log(
  `${STUDENTS} students × ${QUESTIONS} questions (${SCENARIOS.length} scenarios, ${OPEN_DAYS} days) ` +
    `× ${VERSIONS} versions, ${STUDENTS / TEAM_SIZE} teams`,
);
console.log(
  `scoring the whole class: median ${median(times).toFixed(0)} ms ` +
    `(runs: ${times.map((time) => time.toFixed(0)).join(', ')}), ` +
    `CPU time median ${median(cpuTimes).toFixed(0)} ms; ${summary}`,
);
