import type { FastifyBaseLogger } from 'fastify';
import type { LtiGradeRow, LtiGradesView } from '#domain/api/lti-contracts';
import type { Database } from '../db/database';
import type { LiveHub, SessionChange } from '../live/live-hub';
import {
  findClassSession,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import {
  cancelGrade,
  claimDueGrades,
  listLtiStudents,
  listSessionGrades,
  listSessionsAwaitingMarks,
  markGradeFailed,
  markGradeSent,
  queueGrade,
  retryGrades,
  type DueGrade,
  type OutboxRecord,
} from '../repositories/lti-grade-outbox.repository';
import {
  findLinkById,
  findLinkOfSession,
  setCreatedLineItem,
  type LtiLinkServicesRecord,
} from '../repositories/lti-link-services.repository';
import { findPlatformById } from '../repositories/lti-platforms.repository';
import { listParticipants, listRemovedParticipants } from '../repositories/participants.repository';
import type { Forecasts } from './forecasts';
import type { LessonLibrary } from './lesson-library';
import { gradeSession, type StudentGrade } from './lti-grade-book';
import { LtiGradeSender } from './lti-grade-sender';
import { LtiServiceError, type LtiServiceTokens } from './lti-service-tokens';

/** Attempts before a grade is given up on (the teacher sees it failed and may retry). */
export const GRADE_MAX_ATTEMPTS = 6;
/** The wait after the first failure; it doubles after each (30 s, 1, 2, 4, 8 min). */
const FIRST_RETRY_MS = 30_000;
/** How long a grade taken for sending is kept from other instances: past any LMS's timeout. */
const SEND_LEASE_MS = 2 * 60_000;
/** Grades sent in one round. */
const SEND_BATCH = 50;
/** Changes to a session within this are worked into one new reckoning of its grades. */
const REGRADE_DELAY_MS = 200;

/** The changes that may move a grade, or whether one is sent (a student removed). */
const GRADE_CHANGES = new Set<SessionChange>([
  'answer',
  'session.ended',
  'outcomes.revealed',
  'forecast.resolved',
  'feedback.released',
  'participant.removed',
]);

const hasGradeService = (link: LtiLinkServicesRecord) =>
  link.lineItemUrl !== null || link.lineItemsUrl !== null;

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Grades back to the LMS (LTI Assignment and Grade Services, issue 24 point 3): a student's
 * grade is queued when they finish and again whenever it changes, and sent through an outbox
 * (`lti_grade_outbox`) by a worker that retries with backoff and gives up after
 * GRADE_MAX_ATTEMPTS; the teacher sees each student's grade and how sending it goes.
 */
export class LtiGrades {
  private readonly sender: LtiGradeSender;
  private readonly regradeTimers = new Map<string, NodeJS.Timeout>();
  /** One reckoning or sending round at a time on this instance. */
  private queue: Promise<unknown> = Promise.resolve();
  private isClosed = false;

  constructor(
    private readonly db: Database,
    hub: LiveHub,
    private readonly lessons: LessonLibrary,
    private readonly forecasts: Forecasts,
    tokens: LtiServiceTokens,
    private readonly log: FastifyBaseLogger,
  ) {
    this.sender = new LtiGradeSender(tokens);
    hub.onSessionChange((sessionId, change) => {
      if (GRADE_CHANGES.has(change)) this.sessionChanged(sessionId);
    });
  }

  /** Runs `work` after what is queued, so rounds never overlap; its failure is the caller's. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    // The next round runs whether this one failed or not: the caller hears of the failure.
    this.queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private sessionChanged(sessionId: string): void {
    if (this.isClosed || this.regradeTimers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.regradeTimers.delete(sessionId);
      this.enqueue(async () => {
        if (await this.regrade(sessionId)) await this.sendDueNow();
      }).catch((error: unknown) => {
        this.log.error({ err: error, sessionId }, 'LTI grades: a session could not be regraded');
      });
    }, REGRADE_DELAY_MS);
    timer.unref();
    this.regradeTimers.set(sessionId, timer);
  }

  /**
   * Works the session's grades out again and queues those of finished students that changed;
   * cancels what waits for a student who was removed. True when a grade was queued.
   */
  async regrade(sessionId: string): Promise<boolean> {
    const session = await findClassSession(this.db, sessionId);
    const link = session ? await findLinkOfSession(this.db, sessionId) : null;
    if (!session || !link || !hasGradeService(link)) return false;
    const students = await listLtiStudents(this.db, sessionId);
    for (const student of students.filter((s) => s.isRemoved)) {
      await cancelGrade(this.db, student.participantId);
    }
    const graded = await this.gradesOf(
      session,
      students.filter((s) => !s.isRemoved && s.platformId === link.platformId),
    );
    let isQueued = false;
    for (const { participantId, isFinished, grade } of graded) {
      if (!isFinished) continue;
      const { components: _parts, ...score } = grade;
      const queued = await queueGrade(this.db, {
        participantId,
        sessionId,
        linkId: link.id,
        score,
      });
      isQueued ||= queued;
    }
    return isQueued;
  }

  private async gradesOf(
    session: ClassSessionRecord,
    students: readonly { participantId: string }[],
  ): Promise<StudentGrade[]> {
    if (students.length === 0) return [];
    const { lesson } = await this.lessons.ofSession(session);
    return gradeSession(
      this.db,
      this.forecasts,
      lesson,
      session,
      students.map((s) => s.participantId),
    );
  }

  /**
   * Works out again the grades still waiting for marks: a lesson's own outcome counts once its
   * day has come, which no change to the session announces. Sends what changed.
   */
  regradeAwaitingMarks(): Promise<void> {
    return this.enqueue(async () => {
      let isQueued = false;
      for (const sessionId of await listSessionsAwaitingMarks(this.db)) {
        isQueued = (await this.regrade(sessionId)) || isQueued;
      }
      if (isQueued) await this.sendDueNow();
    });
  }

  /** Sends the grades due now, or by `now` (tests pass a later time to skip the backoff). */
  sendDue(now?: Date): Promise<number> {
    return this.enqueue(() => this.sendDueNow(now));
  }

  private async sendDueNow(now?: Date): Promise<number> {
    const due = await claimDueGrades(this.db, now ?? null, SEND_LEASE_MS, SEND_BATCH);
    for (const grade of due) await this.send(grade, now ?? new Date());
    return due.length;
  }

  private async send(grade: DueGrade, now: Date): Promise<void> {
    try {
      const [link, platform] = await Promise.all([
        findLinkById(this.db, grade.linkId),
        findPlatformById(this.db, grade.platformId),
      ]);
      if (!link || !platform) throw new LtiServiceError('The LMS link of this session is gone.');
      let lineItemUrl = link.lineItemUrl;
      if (!lineItemUrl) {
        const made = await this.sender.lineItemOf(platform, link, link.title ?? 'Discussion');
        lineItemUrl = await setCreatedLineItem(this.db, link.id, made);
      }
      await this.sender.sendScore(platform, lineItemUrl, grade.sub, grade.score);
      await markGradeSent(this.db, grade.participantId, grade.score);
    } catch (error) {
      const attempts = grade.attempts + 1;
      const retryAt =
        attempts >= GRADE_MAX_ATTEMPTS
          ? null
          : new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1));
      // An error that is not the LMS's (a bug, the database) is logged in full as well.
      if (!(error instanceof LtiServiceError)) {
        this.log.error({ err: error }, 'LTI grades: sending a grade failed');
      }
      await markGradeFailed(this.db, grade.participantId, {
        error: describeError(error),
        retryAt,
      });
    }
  }

  /** Each LMS student of the session with their grade and how sending it goes. */
  async teacherView(session: ClassSessionRecord): Promise<LtiGradesView> {
    const link = await findLinkOfSession(this.db, session.id);
    if (!link) return { link: null, students: [] };
    const [students, rows, present, removed] = await Promise.all([
      listLtiStudents(this.db, session.id),
      listSessionGrades(this.db, session.id),
      listParticipants(this.db, session.id),
      listRemovedParticipants(this.db, session.id),
    ]);
    const labels = new Map([...present, ...removed].map((p) => [p.id, p.label]));
    const rowOf = new Map(rows.map((row) => [row.participantId, row]));
    const active = students.filter((s) => !s.isRemoved);
    const graded = new Map(
      (await this.gradesOf(session, active)).map((grade) => [grade.participantId, grade]),
    );
    const shown = students.filter((s) => !s.isRemoved || rowOf.has(s.participantId));
    return {
      link: {
        title: link.title,
        hasGradeService: hasGradeService(link),
        serviceProblem: link.servicesProblem,
      },
      students: shown.map((student) => {
        const label = labels.get(student.participantId) ?? '';
        const row = rowOf.get(student.participantId);
        if (row) return rowView(student.participantId, label, row);
        const grade = graded.get(student.participantId)?.grade;
        return {
          participantId: student.participantId,
          label,
          grade: grade?.scoreGiven ?? null,
          comment: grade?.comment ?? '',
          status: 'not-finished',
          attempts: 0,
          lastError: null,
          sentAt: null,
          nextAttemptAt: null,
        };
      }),
    };
  }

  /** Sends again now what failed or waits (one student's grade, or all), then answers the view. */
  async retry(session: ClassSessionRecord, participantId: string | null): Promise<LtiGradesView> {
    await retryGrades(this.db, session.id, participantId);
    await this.sendDue();
    return this.teacherView(session);
  }

  /** Stops working grades out; what was queued stays in the outbox for the next start. */
  async close(): Promise<void> {
    this.isClosed = true;
    for (const timer of this.regradeTimers.values()) clearTimeout(timer);
    this.regradeTimers.clear();
    await this.queue;
  }
}

function rowView(participantId: string, label: string, row: OutboxRecord): LtiGradeRow {
  const status =
    row.status === 'pending' && row.lastError !== null
      ? 'failing'
      : row.status === 'failed'
        ? 'failed'
        : row.status;
  return {
    participantId,
    label,
    grade: row.score.scoreGiven,
    comment: row.score.comment,
    status,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: row.sentAt,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
  };
}
