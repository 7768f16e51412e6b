import type {
  CloseDateRequest,
  ForecastTeam,
  ForecastTeamsRequest,
  ForecastUpdateRequest,
  ForecastVersion,
  LeaderboardMode,
  ResolutionRequest,
  StudentForecastsView,
  TeacherForecastQuestion,
  TeacherForecastsView,
} from '#domain/api/forecast-contracts';
import type { ExportedForecasts } from '#domain/api/student-data-contracts';
import { checkCloseDate } from '#domain/forecasting/question-status';
import { checkForecastUpdate, normalizeForecastReason } from '#domain/forecasting/update-checks';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import type { Clock } from '../lib/clock';
import type { LiveHub } from '../live/live-hub';
import { saveForecastAnswer } from '../repositories/answers.repository';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import { replaceForecastTeams } from '../repositories/forecast-teams.repository';
import {
  countParticipantVersions,
  deleteResolution,
  insertVersions,
  listParticipantVersions,
  saveCloseDate,
  saveResolution,
  setLeaderboardMode,
  setLeaderboardOptIn,
} from '../repositories/forecasts.repository';
import { listParticipants, type ParticipantRecord } from '../repositories/participants.repository';
import { loadForecastBoard, type ForecastBoard, type ForecastQuestion } from './forecast-board';
import { scoreBoard } from './forecast-board-scores';
import {
  studentForecastsView,
  teacherForecastsView,
  teacherQuestionView,
  teamViews,
  toVersionView,
} from './forecast-views';
import type { LessonLibrary } from './lesson-library';
import { VersionCache } from './version-cache';

/** The question of this item, or 404 item_not_found. */
function requireQuestion(board: ForecastBoard, itemId: string): ForecastQuestion {
  const question = board.questions.find((q) => q.item.id === itemId);
  if (!question) {
    throw new ApiError(404, 'item_not_found', `This lesson has no forecast "${itemId}".`, 'itemId');
  }
  return question;
}

/**
 * Forecasts that live past the lesson (issue 26): the teacher's and the student's pages,
 * students' updates, the teacher's close dates, resolutions, teams and leaderboard. Days are
 * the clock's UTC days.
 */
export class Forecasts {
  /** The classes' versions, kept while unchanged (version-cache.ts). */
  private readonly versions: VersionCache;

  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    private readonly lessons: LessonLibrary,
    private readonly clock: Clock,
  ) {
    this.versions = new VersionCache(db);
  }

  board(sessions: readonly ClassSessionRecord[], options: { questionsOnly?: boolean } = {}) {
    const { db, lessons, clock, versions } = this;
    const readVersions = (ids: readonly string[]) => versions.read(ids);
    return loadForecastBoard({ db, lessons, clock, readVersions }, sessions, options);
  }

  async teacherView(
    sessions: readonly ClassSessionRecord[],
    scope: TeacherForecastsView['scope'],
  ): Promise<TeacherForecastsView> {
    const board = await this.board(sessions);
    return teacherForecastsView(board, scoreBoard(board), scope);
  }

  async studentView(
    session: ClassSessionRecord,
    participant: ParticipantRecord,
  ): Promise<StudentForecastsView> {
    const board = await this.board([session]);
    return studentForecastsView(board, scoreBoard(board), participant);
  }

  /** A new version from the forecasts page: open questions only, a reason on every update. */
  async update(
    session: ClassSessionRecord,
    participant: ParticipantRecord,
    itemId: string,
    input: ForecastUpdateRequest,
  ): Promise<ForecastVersion> {
    const question = requireQuestion(await this.board([session], { questionsOnly: true }), itemId);
    if (question.status !== 'open') {
      throw new ApiError(
        409,
        'question_closed',
        question.status === 'resolved'
          ? 'This question is resolved: forecasts of it are closed.'
          : `This question closed on ${question.closesOn ?? 'the session’s last day'}: it waits for your teacher to resolve it.`,
      );
    }
    const problem = checkForecastUpdate({
      scenarioIds: question.item.scenarios.map((s) => s.id),
      probabilities: input.probabilities,
      reason: input.reason,
      hasEarlierVersion: (await countParticipantVersions(this.db, participant.id, itemId)) > 0,
    });
    if (problem)
      throw new ApiError(400, problem.code, `${problem.field}: ${problem.message}.`, problem.field);
    const madeAt = this.clock.now();
    const [version] = await this.db.transaction(async (tx) => {
      const stored = await insertVersions(tx, [
        {
          sessionId: session.id,
          participantId: participant.id,
          itemId,
          probabilities: input.probabilities,
          reason: normalizeForecastReason(input.reason),
          madeAt,
        },
      ]);
      await saveForecastAnswer(tx, {
        sessionId: session.id,
        participantId: participant.id,
        itemId,
        probabilities: input.probabilities,
      });
      return stored;
    });
    this.hub.answerRecorded(session.id);
    return toVersionView(version!);
  }

  async setCloseDate(
    session: ClassSessionRecord,
    itemId: string,
    input: CloseDateRequest,
  ): Promise<TeacherForecastQuestion> {
    const board = await this.board([session], { questionsOnly: true });
    const question = requireQuestion(board, itemId);
    if (input.closesOn !== null) {
      const problem = checkCloseDate({
        closesOn: input.closesOn,
        opensOn: question.opensOn,
        today: board.today,
        status: question.status,
      });
      if (problem) throw new ApiError(400, 'invalid_input', `closesOn ${problem}.`, 'closesOn');
    }
    await saveCloseDate(this.db, session.id, itemId, input.closesOn);
    return this.questionView(session, itemId);
  }

  /** Resolves or corrects some scenarios; everyone of the session hears forecast.resolved. */
  async resolve(
    session: ClassSessionRecord,
    itemId: string,
    input: ResolutionRequest,
  ): Promise<TeacherForecastQuestion> {
    const board = await this.board([session], { questionsOnly: true });
    const question = requireQuestion(board, itemId);
    const scenarioIds = new Set(question.item.scenarios.map((s) => s.id));
    const entries = Object.entries(input.scenarios);
    if (entries.length === 0) {
      throw new ApiError(
        400,
        'invalid_input',
        'scenarios: resolve at least one scenario.',
        'scenarios',
      );
    }
    for (const [scenarioId, resolution] of entries) {
      const field = `scenarios.${scenarioId}`;
      if (!scenarioIds.has(scenarioId)) {
        throw new ApiError(
          400,
          'invalid_input',
          `${field}: this question has no such scenario.`,
          field,
        );
      }
      if (resolution && resolution.resolvedOn > board.today) {
        throw new ApiError(
          400,
          'invalid_input',
          `${field}.resolvedOn: must not be after today (${board.today}).`,
          `${field}.resolvedOn`,
        );
      }
    }
    const resolvedAt = this.clock.now();
    await this.db.transaction(async (tx) => {
      for (const [scenarioId, resolution] of entries) {
        if (resolution === null) await deleteResolution(tx, session.id, itemId, scenarioId);
        else {
          await saveResolution(tx, {
            sessionId: session.id,
            itemId,
            scenarioId,
            outcome: resolution.outcome,
            resolvedOn: resolution.resolvedOn,
            sourceUrl: resolution.sourceUrl ?? null,
            resolvedAt,
          });
        }
      }
    });
    await this.hub.publish(session.id, { to: 'everyone' }, { type: 'forecast.resolved', itemId });
    return this.questionView(session, itemId);
  }

  /** Replaces the session's teams: its own students, each in one team at most. */
  async setTeams(
    session: ClassSessionRecord,
    teams: ForecastTeamsRequest['teams'],
  ): Promise<ForecastTeam[]> {
    const present = new Set((await listParticipants(this.db, session.id)).map((p) => p.id));
    const placed = new Set<string>();
    teams.forEach((team, index) => {
      for (const id of team.participantIds) {
        const field = `teams.${index}.participantIds`;
        if (!present.has(id)) {
          throw new ApiError(
            400,
            'invalid_input',
            `${field}: ${id} is not a student of this session.`,
            field,
          );
        }
        if (placed.has(id)) {
          throw new ApiError(
            400,
            'invalid_input',
            `${field}: ${id} is in two teams; a student is in one at most.`,
            field,
          );
        }
        placed.add(id);
      }
    });
    await this.db.transaction((tx) => replaceForecastTeams(tx, session.id, teams));
    const board = await this.board([session]);
    return teamViews(board, scoreBoard(board));
  }

  async setLeaderboard(
    session: ClassSessionRecord,
    mode: LeaderboardMode,
  ): Promise<LeaderboardMode> {
    await setLeaderboardMode(this.db, session.id, mode);
    return mode;
  }

  async setOptIn(participant: ParticipantRecord, optIn: boolean): Promise<boolean> {
    await setLeaderboardOptIn(this.db, participant.id, optIn);
    return optIn;
  }

  /** A student's forecasts for their data export: every version, their scores, team, opt-in. */
  async exportOf(session: ClassSessionRecord, participantId: string): Promise<ExportedForecasts> {
    const [versions, board] = await Promise.all([
      listParticipantVersions(this.db, participantId),
      this.board([session]),
    ]);
    const questionOf = new Map(board.questions.map((q) => [q.item.id, q.item.question]));
    return {
      versions: versions.map((version) => ({
        itemId: version.itemId,
        question: questionOf.get(version.itemId) ?? version.itemId,
        probabilities: { ...version.probabilities },
        reason: version.reason,
        madeAt: version.madeAt,
        madeIn: version.inClass ? 'class' : 'update',
      })),
      scores: scoreBoard(board).flatMap(({ question, scores }) => {
        const score = scores.forecasters.find((f) => f.id === participantId)?.score;
        return score
          ? [
              {
                itemId: question.item.id,
                question: question.item.question,
                timeWeightedBrier: score.brier,
                logScore: score.logScore,
              },
            ]
          : [];
      }),
      team: board.teams.find((t) => t.memberIds.includes(participantId))?.name ?? null,
      leaderboardOptIn: board.optIns.has(participantId),
    };
  }

  private async questionView(session: ClassSessionRecord, itemId: string) {
    const board = await this.board([session]);
    // Only this question is scored: the others' scores are not part of the answer.
    const [scored] = scoreBoard({
      ...board,
      questions: board.questions.filter((q) => q.item.id === itemId),
    });
    if (!scored) throw new Error(`the question ${itemId} left the board`);
    return teacherQuestionView(board, scored);
  }
}
