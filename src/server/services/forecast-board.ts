import type {
  ForecastQuestionStatus,
  ScenarioResolutionView,
} from '#domain/api/forecast-contracts';
import { utcDayOf, type IsoDay } from '#domain/forecasting/days';
import type { ScenarioResolutions } from '#domain/forecasting/forecast-types';
import { defaultClosesOn, questionStatus } from '#domain/forecasting/question-status';
import type { ForecastItem, Lesson } from '#domain/lesson/lesson-schema';
import type { Queryable } from '../db/database';
import type { Clock } from '../lib/clock';
import {
  listForecastOutcomes,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import {
  listForecastTeams,
  type ForecastTeamRecord,
} from '../repositories/forecast-teams.repository';
import {
  listCloseDates,
  listLeaderboardOptIns,
  listResolutions,
  listSessionForecastSettings,
  type ForecastVersionRecord,
  type ScenarioResolutionRecord,
  type SessionForecastSettings,
} from '../repositories/forecasts.repository';
import { listParticipants, type ParticipantRecord } from '../repositories/participants.repository';
import type { LessonLibrary } from './lesson-library';

/** One forecast item of one session, with where it stands today (issue 26). */
export interface ForecastQuestion {
  readonly session: ClassSessionRecord;
  readonly lessonTitle: string;
  readonly item: ForecastItem;
  readonly opensOn: IsoDay;
  readonly closesOn: IsoDay | null;
  readonly isCloseDateSet: boolean;
  readonly status: ForecastQuestionStatus;
  /** As the views show them, by scenario id. */
  readonly resolutions: ReadonlyMap<string, ScenarioResolutionView>;
  /** As scoring reads them. */
  readonly scoringResolutions: ScenarioResolutions;
}

/** `${sessionId} ${itemId}`: a question's key. */
export const questionKey = (sessionId: string, itemId: string) => `${sessionId} ${itemId}`;

/** Everything a forecasts page of some sessions is made from, read once. */
export interface ForecastBoard {
  readonly today: IsoDay;
  /** Oldest first. */
  readonly sessions: readonly ClassSessionRecord[];
  /** By session id. */
  readonly lessonTitles: ReadonlyMap<string, string>;
  /** Oldest session first, then in lesson order. */
  readonly questions: readonly ForecastQuestion[];
  /** Not removed, in join order, by session id. */
  readonly participants: ReadonlyMap<string, readonly ParticipantRecord[]>;
  /** By question key, then participant id: each student's versions, oldest first. */
  readonly versions: ReadonlyMap<string, ReadonlyMap<string, readonly ForecastVersionRecord[]>>;
  readonly teams: readonly ForecastTeamRecord[];
  readonly settings: ReadonlyMap<string, SessionForecastSettings>;
  readonly optIns: ReadonlySet<string>;
}

/** The forecast items of a lesson, in lesson order. */
export function forecastItemsOf(lesson: Lesson): ForecastItem[] {
  return lesson.sections.flatMap((section) =>
    section.items.filter((item): item is ForecastItem => item.kind === 'forecast'),
  );
}

type RevealedOutcomes = Awaited<ReturnType<typeof listForecastOutcomes>>[number];

/**
 * A scenario's resolution: the teacher's; else the lesson's own, once the class has seen it
 * (the teacher revealed the outcomes in class, possibly edited) or the session has ended. A
 * lesson's outcome is never shown before then: it is the answer key.
 */
function resolutionOf(
  scenario: ForecastItem['scenarios'][number],
  context: {
    readonly teacher: ScenarioResolutionRecord | undefined;
    readonly revealed: RevealedOutcomes | undefined;
    readonly session: ClassSessionRecord;
    readonly today: IsoDay;
  },
): ScenarioResolutionView | null {
  const { teacher, revealed, session, today } = context;
  if (teacher) {
    const { outcome, resolvedOn, sourceUrl } = teacher;
    return { outcome, resolvedOn, sourceUrl, source: 'teacher' };
  }
  const lessonDay = scenario.resolution?.date;
  const shown = revealed?.outcomes[scenario.id];
  if (shown) {
    return {
      outcome: shown.happened ? 'yes' : 'no',
      resolvedOn: lessonDay ?? utcDayOf(revealed.revealedAt),
      sourceUrl: null,
      source: 'lesson',
    };
  }
  if (session.status === 'ended' && scenario.resolution && scenario.resolution.date <= today) {
    return {
      outcome: scenario.resolution.happened ? 'yes' : 'no',
      resolvedOn: scenario.resolution.date,
      sourceUrl: null,
      source: 'lesson',
    };
  }
  return null;
}

/**
 * Versions grouped by question and student, worked out once per list: the version cache
 * (version-cache.ts) hands the same list to every request until the versions change.
 */
const groupedLists = new WeakMap<
  readonly ForecastVersionRecord[],
  ReadonlyMap<string, ReadonlyMap<string, readonly ForecastVersionRecord[]>>
>();

function groupVersionsOnce(versions: readonly ForecastVersionRecord[]) {
  let grouped = groupedLists.get(versions);
  if (!grouped) {
    grouped = groupVersions(versions);
    groupedLists.set(versions, grouped);
  }
  return grouped;
}

function groupVersions(versions: readonly ForecastVersionRecord[]) {
  const byQuestion = new Map<string, Map<string, ForecastVersionRecord[]>>();
  for (const version of versions) {
    const key = questionKey(version.sessionId, version.itemId);
    let byStudent = byQuestion.get(key);
    if (!byStudent) {
      byStudent = new Map<string, ForecastVersionRecord[]>();
      byQuestion.set(key, byStudent);
    }
    const own = byStudent.get(version.participantId);
    if (own) own.push(version);
    else byStudent.set(version.participantId, [version]);
  }
  return byQuestion;
}

/**
 * Reads the forecasts of some sessions (a class, or one session) as of the clock's today. With
 * `questionsOnly`, what a question is and where it stands, without the students' forecasts
 * (a student's update, the due list): versions, students, teams and opt-ins are left empty.
 */
export async function loadForecastBoard(
  deps: {
    readonly db: Queryable;
    readonly lessons: LessonLibrary;
    readonly clock: Clock;
    /** The versions of these sessions' students (not removed), oldest first. */
    readonly readVersions: (
      sessionIds: readonly string[],
    ) => Promise<readonly ForecastVersionRecord[]>;
  },
  sessionsInAnyOrder: readonly ClassSessionRecord[],
  options: { readonly questionsOnly?: boolean } = {},
): Promise<ForecastBoard> {
  const { db, lessons, clock } = deps;
  const today = utcDayOf(clock.now());
  const sessions = [...sessionsInAnyOrder].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const ids = sessions.map((s) => s.id);
  const [pinned, closeDates, resolutions, versions, teams, settings, optIns, participants, shown] =
    await Promise.all([
      Promise.all(sessions.map((s) => lessons.ofSession(s))),
      listCloseDates(db, ids),
      listResolutions(db, ids),
      options.questionsOnly ? [] : deps.readVersions(ids),
      options.questionsOnly ? [] : listForecastTeams(db, ids),
      listSessionForecastSettings(db, ids),
      options.questionsOnly ? new Set<string>() : listLeaderboardOptIns(db, ids),
      Promise.all(
        sessions.map((s) =>
          options.questionsOnly ? Promise.resolve([]) : listParticipants(db, s.id),
        ),
      ),
      Promise.all(sessions.map((s) => listForecastOutcomes(db, s.id))),
    ]);
  const teacherResolutions = new Map(
    resolutions.map((r) => [`${questionKey(r.sessionId, r.itemId)} ${r.scenarioId}`, r]),
  );
  const questions = sessions.flatMap((session, index) => {
    const { lesson } = pinned[index]!;
    const revealed = new Map(shown[index]!.map((o) => [o.itemId, o]));
    const opensOn = utcDayOf(session.createdAt);
    return forecastItemsOf(lesson).map((item): ForecastQuestion => {
      const key = questionKey(session.id, item.id);
      const setDate = closeDates.get(key);
      const closesOn =
        setDate ??
        defaultClosesOn({
          opensOn,
          horizon: item.horizon,
          sessionEndedOn: session.endedAt === null ? null : utcDayOf(session.endedAt),
        });
      const shownResolutions = new Map<string, ScenarioResolutionView>();
      const scoringResolutions: Record<string, ScenarioResolutionView> = {};
      for (const scenario of item.scenarios) {
        const resolution = resolutionOf(scenario, {
          teacher: teacherResolutions.get(`${key} ${scenario.id}`),
          revealed: revealed.get(item.id),
          session,
          today,
        });
        if (resolution) {
          shownResolutions.set(scenario.id, resolution);
          scoringResolutions[scenario.id] = resolution;
        }
      }
      return {
        session,
        lessonTitle: lesson.metadata.title,
        item,
        opensOn,
        closesOn,
        isCloseDateSet: setDate !== undefined,
        status: questionStatus({
          today,
          closesOn,
          scenarioIds: item.scenarios.map((s) => s.id),
          resolutions: scoringResolutions,
        }),
        resolutions: shownResolutions,
        scoringResolutions,
      };
    });
  });
  return {
    today,
    sessions,
    lessonTitles: new Map(sessions.map((s, index) => [s.id, pinned[index]!.lesson.metadata.title])),
    questions,
    participants: new Map(sessions.map((s, index) => [s.id, participants[index]!])),
    versions: groupVersionsOnce(versions),
    teams,
    settings,
    optIns,
  };
}
