import type { Lesson } from '#domain/lesson/lesson-schema';
import type { StudentDataExport } from '#domain/api/student-data-contracts';
import { buildStudentDataExport } from '#domain/reports/student-data-export';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import { awaitAll } from '../lib/await-all';
import type { LiveHub } from '../live/live-hub';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import { findStudentGrade } from '../repositories/lti-grade-outbox.repository';
import {
  forgetStudentInMaps,
  listStudentStatements,
  listStudentVotes,
} from '../repositories/class-statements.repository';
import { listSpeakingTurns } from '../repositories/speaking-turns.repository';
import {
  countStudentEvents,
  deleteStudent,
  findStudentRecord,
  listStudentAnswers,
} from '../repositories/student-data.repository';
import { listStudentReplies } from '../repositories/wall-replies.repository';
import { listWritingFeedback } from '../repositories/writing-feedback.repository';
import type { AuditSource, AuditTrail } from './audit-trail';
import type { Forecasts } from './forecasts';
import type { SpaceReclaimer } from './space-reclaimer';

const notInSession = () => new ApiError(404, 'not_found', 'That student is not in this session.');

/**
 * One student's data, for a parent's request to see it or erase it. Both reach removed
 * students too: removing keeps their answers stored, and they stay theirs.
 */
export class StudentData {
  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    private readonly forecasts: Forecasts,
    private readonly audit: AuditTrail,
    private readonly reclaimer: SpaceReclaimer,
  ) {}

  async export(
    lesson: Lesson,
    session: ClassSessionRecord,
    participantId: string,
  ): Promise<{ readonly label: string; readonly data: StudentDataExport }> {
    const { db } = this;
    const student = await findStudentRecord(db, session.id, participantId);
    if (!student) throw notInSession();
    const parts = await awaitAll({
      answers: listStudentAnswers(db, participantId),
      writingFeedback: listWritingFeedback(db, session.id, { participantId }),
      speakingTurns: listSpeakingTurns(db, session.id, { participantId }),
      statements: listStudentStatements(db, participantId),
      statementVotes: listStudentVotes(db, participantId),
      wallReplies: listStudentReplies(db, participantId),
      eventLogEntries: countStudentEvents(db, session.id, participantId),
      forecasts: this.forecasts.exportOf(session, participantId),
      lmsGrade: findStudentGrade(db, participantId),
    });
    const data = buildStudentDataExport({
      now: new Date(),
      lesson,
      session: {
        id: session.id,
        lessonId: session.lessonId,
        mode: session.mode,
        status: session.status,
        startedAt: session.createdAt,
        endedAt: session.endedAt,
      },
      student,
      ...parts,
      lmsGrade: parts.lmsGrade && {
        grade: parts.lmsGrade.score.scoreGiven,
        comment: parts.lmsGrade.score.comment,
        status: parts.lmsGrade.status,
        sentAt: parts.lmsGrade.sentAt,
      },
    });
    return { label: student.label, data };
  }

  /** Erases the student and what they left; their open pages are signed out of the session. */
  async delete(session: ClassSessionRecord, participantId: string, by: AuditSource): Promise<void> {
    const isDeleted = await this.db.transaction(async (tx) => {
      const found = await deleteStudent(tx, session.id, participantId);
      if (found) {
        await forgetStudentInMaps(tx, session.id, participantId);
        // The row names the student by a keyed hash only, which names nobody once they are gone.
        const student = { sessionId: session.id, studentId: participantId };
        await this.audit.record({ ...by, action: 'deleted_student', ...student }, tx);
      }
      return found;
    });
    if (!isDeleted) throw notInSession();
    // The student's rows leave the table files soon, not at some later autovacuum.
    this.reclaimer.request();
    await this.hub.endStudentStreams(session.id, participantId);
    await this.hub.publish(session.id, { to: 'everyone' }, { type: 'roster.changed' });
  }
}
