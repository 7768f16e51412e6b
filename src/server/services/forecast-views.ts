import type {
  ForecastQuestionBase,
  ForecastTeam,
  ForecastVersion,
  StudentForecastsView,
  TeacherForecastQuestion,
  TeacherForecastsView,
} from '#domain/api/forecast-contracts';
import {
  classMedianFinalForecasts,
  finalForecastsOf,
} from '#domain/forecasting/forecast-calibration';
import type { TimeWeightedScore } from '#domain/forecasting/forecast-types';
import {
  forecastPseudonyms,
  leaderboardLabel,
  rankLeaderboard,
} from '#domain/forecasting/leaderboard';
import type { ParticipantRecord } from '../repositories/participants.repository';
import type { ForecastVersionRecord } from '../repositories/forecasts.repository';
import { questionKey, type ForecastBoard } from './forecast-board';
import {
  calibrationView,
  meanOfScores,
  toScore,
  type ScoredQuestion,
} from './forecast-board-scores';

/** A stored version as the API answers it. */
export const toVersionView = (version: ForecastVersionRecord): ForecastVersion => ({
  id: version.id,
  itemId: version.itemId,
  probabilities: { ...version.probabilities },
  reason: version.reason,
  madeAt: version.madeAt,
  inClass: version.inClass,
});

/** What the teacher and the student see alike of a question. */
function questionBase(board: ForecastBoard, scored: ScoredQuestion): ForecastQuestionBase {
  const { question, scores, medians } = scored;
  const scenarioScores = new Map(scores.scenarios.map((s) => [s.scenarioId, s]));
  const key = questionKey(question.session.id, question.item.id);
  return {
    sessionId: question.session.id,
    lessonTitle: question.lessonTitle,
    itemId: question.item.id,
    question: question.item.question,
    asOf: question.item.asOf,
    horizon: question.item.horizon,
    opensOn: question.opensOn,
    closesOn: question.closesOn,
    isCloseDateSet: question.isCloseDateSet,
    status: question.status,
    scenarios: question.item.scenarios.map((scenario) => {
      const scoring = scenarioScores.get(scenario.id);
      return {
        id: scenario.id,
        statement: scenario.statement,
        resolution: question.resolutions.get(scenario.id) ?? null,
        classMedian: [...(medians[scenario.id] ?? [])],
        classScore: scoring?.classMedian ? toScore(scoring.classMedian) : null,
      };
    }),
    forecasterCount: board.versions.get(key)?.size ?? 0,
    classScore: scores.scenarios.length > 0 ? toScore(scores.classMedian) : null,
  };
}

export function teacherQuestionView(
  board: ForecastBoard,
  scored: ScoredQuestion,
): TeacherForecastQuestion {
  const { question, scores } = scored;
  const byStudent = board.versions.get(questionKey(question.session.id, question.item.id));
  const scoreOf = new Map(scores.forecasters.map((f) => [f.id, f.score]));
  return {
    ...questionBase(board, scored),
    students: (board.participants.get(question.session.id) ?? []).map((participant) => {
      const versions = byStudent?.get(participant.id) ?? [];
      const latest = versions[versions.length - 1];
      const score = toScore(scoreOf.get(participant.id) ?? null);
      return {
        participantId: participant.id,
        label: participant.label,
        versionCount: versions.length,
        latest: latest ? toVersionView(latest) : null,
        ...score,
      };
    }),
  };
}

export function teamViews(board: ForecastBoard, scored: readonly ScoredQuestion[]): ForecastTeam[] {
  return board.teams.map((team) => {
    const labels = new Map(
      (board.participants.get(team.sessionId) ?? []).map((p) => [p.id, p.label]),
    );
    return {
      id: team.id,
      sessionId: team.sessionId,
      name: team.name,
      members: team.memberIds.map((participantId) => ({
        participantId,
        label: labels.get(participantId) ?? '',
      })),
      score: meanOfScores(
        scored
          .flatMap(({ scores }) => scores.teams.filter((t) => t.id === team.id))
          .map((t) => t.score),
      ),
    };
  });
}

export function teacherForecastsView(
  board: ForecastBoard,
  scored: readonly ScoredQuestion[],
  scope: TeacherForecastsView['scope'],
): TeacherForecastsView {
  return {
    scope,
    today: board.today,
    sessions: board.sessions.map((session) => ({
      id: session.id,
      lessonTitle: board.lessonTitles.get(session.id) ?? '',
      status: session.status,
      createdAt: session.createdAt,
      endedAt: session.endedAt,
      leaderboard: board.settings.get(session.id)?.leaderboard ?? 'off',
      participants: (board.participants.get(session.id) ?? []).map((p) => ({
        participantId: p.id,
        label: p.label,
        isOptedIn: board.optIns.has(p.id),
      })),
    })),
    questions: scored.map((s) => teacherQuestionView(board, s)),
    classCalibration: calibrationView(classMedianFinalForecasts(scored.map((s) => s.scores))),
    teams: teamViews(board, scored),
  };
}

/** The leaderboard of a session as one of its students sees it. */
function leaderboardView(
  board: ForecastBoard,
  scored: readonly ScoredQuestion[],
  participants: readonly ParticipantRecord[],
  me: ParticipantRecord,
): StudentForecastsView['leaderboard'] {
  const mode = board.settings.get(me.sessionId)?.leaderboard ?? 'off';
  const isOptedIn = board.optIns.has(me.id);
  if (mode === 'off') return { mode, isOptedIn, entries: [] };
  const pseudonyms = forecastPseudonyms(participants.map((p) => p.id));
  // Each student's score of every question they have one for.
  const scoresOf = new Map<string, TimeWeightedScore[]>();
  for (const { scores } of scored) {
    for (const forecaster of scores.forecasters) {
      if (!forecaster.score) continue;
      const own = scoresOf.get(forecaster.id);
      if (own) own.push(forecaster.score);
      else scoresOf.set(forecaster.id, [forecaster.score]);
    }
  }
  const entries = rankLeaderboard(
    participants.map((p) => ({
      id: p.id,
      label:
        leaderboardLabel(mode, { displayName: p.label, pseudonym: pseudonyms.get(p.id) ?? '' }) ??
        '',
      optedIn: board.optIns.has(p.id),
      questionScores: scoresOf.get(p.id) ?? [],
    })),
  );
  return {
    mode,
    isOptedIn,
    entries: entries.map((entry) => ({
      rank: entry.rank,
      name: entry.label,
      timeWeightedBrier: entry.meanBrier,
      resolvedQuestionCount: entry.questions,
      isMe: entry.id === me.id,
    })),
  };
}

export function studentForecastsView(
  board: ForecastBoard,
  scored: readonly ScoredQuestion[],
  me: ParticipantRecord,
): StudentForecastsView {
  const session = board.sessions.find((s) => s.id === me.sessionId);
  if (!session) throw new Error(`the board holds no session ${me.sessionId}`);
  const participants = board.participants.get(session.id) ?? [];
  const allScores = scored.map((s) => s.scores);
  const team = board.teams.find((t) => t.memberIds.includes(me.id));
  const labels = new Map(participants.map((p) => [p.id, p.label]));
  return {
    sessionId: session.id,
    lessonTitle: board.lessonTitles.get(session.id) ?? '',
    sessionStatus: session.status,
    today: board.today,
    me: { participantId: me.id, label: me.label },
    questions: scored.map((s) => {
      const { question, scores } = s;
      const mine = scores.forecasters.find((f) => f.id === me.id);
      const versions =
        board.versions.get(questionKey(question.session.id, question.item.id))?.get(me.id) ?? [];
      return {
        ...questionBase(board, s),
        myVersions: versions.map(toVersionView),
        myScore:
          mine?.score == null
            ? null
            : {
                ...toScore(mine.score),
                scenarios: mine.scenarios.map((scenario) => ({
                  scenarioId: scenario.scenarioId,
                  timeWeightedBrier: scenario.brier,
                  logScore: scenario.logScore,
                })),
              },
      };
    }),
    myCalibration: calibrationView(finalForecastsOf(me.id, allScores)),
    classCalibration: calibrationView(classMedianFinalForecasts(allScores)),
    team: team
      ? {
          name: team.name,
          memberLabels: team.memberIds.map((id) => labels.get(id) ?? ''),
          score: meanOfScores(
            allScores.flatMap((q) => q.teams.filter((t) => t.id === team.id)).map((t) => t.score),
          ),
        }
      : null,
    leaderboard: leaderboardView(board, scored, participants, me),
  };
}
