import type { DueForecasts, ForecastClass } from '#domain/api/forecast-contracts';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import {
  findClassSession,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import {
  deleteClass,
  findClass,
  insertClass,
  listClasses,
  renameClass,
  setSessionClass,
  type ClassRecord,
} from '../repositories/classes.repository';
import { listTeacherSessionIds } from '../repositories/forecasts.repository';
import type { Forecasts } from './forecasts';

const toView = (record: ClassRecord): ForecastClass => ({
  id: record.id,
  name: record.name,
  createdAt: record.createdAt,
  sessionIds: [...record.sessionIds],
});

const notFound = () => new ApiError(404, 'not_found', 'You have no such class.', 'classId');

/** Loads sessions by id, leaving out any that is gone or not this teacher's. */
async function ownSessions(
  db: Database,
  teacherId: string,
  ids: readonly string[],
): Promise<ClassSessionRecord[]> {
  const found = await Promise.all(ids.map((id) => findClassSession(db, id)));
  return found.filter((s): s is ClassSessionRecord => s !== null && s.teacherId === teacherId);
}

/** A teacher's classes (named groups of sessions) and what is due across them (issue 26). */
export class Classes {
  constructor(
    private readonly db: Database,
    private readonly forecasts: Forecasts,
  ) {}

  async list(teacherId: string): Promise<ForecastClass[]> {
    return (await listClasses(this.db, teacherId)).map(toView);
  }

  async create(teacherId: string, name: string): Promise<ForecastClass> {
    return toView(await insertClass(this.db, teacherId, name));
  }

  async rename(teacherId: string, classId: string, name: string): Promise<ForecastClass> {
    if (!(await renameClass(this.db, teacherId, classId, name))) throw notFound();
    const found = await findClass(this.db, teacherId, classId);
    if (!found) throw notFound();
    return toView(found);
  }

  async delete(teacherId: string, classId: string): Promise<void> {
    if (!(await deleteClass(this.db, teacherId, classId))) throw notFound();
  }

  async setSessionClass(session: ClassSessionRecord, classId: string | null): Promise<void> {
    if (classId !== null && !(await findClass(this.db, session.teacherId, classId))) {
      throw notFound();
    }
    await setSessionClass(this.db, session.id, classId);
  }

  /** The class and its sessions, for its forecasts page. */
  async withSessions(teacherId: string, classId: string) {
    const found = await findClass(this.db, teacherId, classId);
    if (!found) throw notFound();
    return { class: found, sessions: await ownSessions(this.db, teacherId, found.sessionIds) };
  }

  /** Questions past their close date and not resolved, the longest waiting first. */
  async due(teacherId: string): Promise<DueForecasts> {
    const sessions = await ownSessions(
      this.db,
      teacherId,
      await listTeacherSessionIds(this.db, teacherId),
    );
    const board = await this.forecasts.board(sessions, { questionsOnly: true });
    const questions = board.questions.flatMap((question) => {
      if (question.status !== 'closed' || question.closesOn === null) return [];
      const settings = board.settings.get(question.session.id);
      return [
        {
          sessionId: question.session.id,
          lessonTitle: question.lessonTitle,
          classId: settings?.classId ?? null,
          className: settings?.className ?? null,
          itemId: question.item.id,
          question: question.item.question,
          closesOn: question.closesOn,
          unresolvedScenarioCount: question.item.scenarios.filter(
            (s) => !question.resolutions.has(s.id),
          ).length,
        },
      ];
    });
    questions.sort((a, b) => a.closesOn.localeCompare(b.closesOn));
    return { questions };
  }
}
