import type { ScenarioOutcome } from '#domain/api/dashboard-contracts';
import type { Lesson } from '#domain/lesson/lesson-schema';
import type { ItemState, SessionMode, SessionSummary } from '#domain/api/live-contracts';
import { findItem } from '#domain/lesson/lesson-items';
import { effectiveItemState } from '#domain/live/item-states';
import { toSessionSummary } from '#domain/live/session-results';
import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import { newJoinCode } from '../lib/join-code';
import type { AuditSource, AuditTrail } from './audit-trail';
import type { LiveHub } from '../live/live-hub';
import {
  deleteClassSession,
  deleteSummary,
  endClassSession,
  findClassSession,
  insertClassSession,
  listClassSessionsWithCounts,
  listItemStates,
  saveForecastOutcomes,
  saveItemState,
  saveSummary,
  setCurrentSection,
  setKeepOpen,
  touchClassSession,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import { forgetParticipantsInMaps } from '../repositories/closed-opinion-maps.repository';
import { removeParticipant } from '../repositories/participants.repository';
import type { LessonLibrary } from './lesson-library';
import { deletionDate } from './housekeeping';
import type { SessionViews } from './session-views';
import type { SpaceReclaimer } from './space-reclaimer';
import { requireSection } from './lesson-parts';

/** A session in its teacher's list. */
export interface SessionListEntry extends SessionSummary {
  readonly participantCount: number;
  readonly answerCount: number;
  /** When housekeeping deletes it; null while open or when sessions are kept. */
  readonly deletesAt: string | null;
}

/** Join codes tried before giving up: with 31^6 codes, twenty taken in a row never happens. */
const JOIN_CODE_ATTEMPTS = 20;

export type ItemAction = 'open' | 'close' | 'reveal';

function nextItemState(current: ItemState, action: ItemAction): ItemState {
  switch (action) {
    case 'open':
      return { ...current, status: 'open' };
    case 'close':
      return { ...current, status: 'closed' };
    case 'reveal':
      return { ...current, isRevealed: true };
  }
}

/** Actions that change a session are refused once it has ended. */
function requireOpen(session: ClassSessionRecord): void {
  if (session.status === 'ended') {
    throw new ApiError(409, 'session_ended', 'This session has ended; it can no longer change.');
  }
}

/** A teacher starts, runs and ends live sessions; every change is told to the class. */
export class ClassSessions {
  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    private readonly views: SessionViews,
    private readonly lessons: LessonLibrary,
    private readonly audit: AuditTrail,
    private readonly config: Pick<ServerConfig, 'retentionDays' | 'idleSessionHours'>,
    private readonly reclaimer: SpaceReclaimer,
  ) {}

  /** A teacher's sessions, newest first, with their counts and when each will be deleted. */
  async list(teacherId: string): Promise<SessionListEntry[]> {
    const sessions = await listClassSessionsWithCounts(this.db, teacherId);
    const listed = await Promise.all(
      sessions.map(async (s) => {
        // A session from before the library whose lesson this server lacks cannot be opened.
        const pinned = s.lessonVersionId ? await this.lessons.ofSession(s) : null;
        return pinned
          ? [
              {
                ...toSessionSummary(s, pinned.lesson, this.config.idleSessionHours),
                participantCount: s.participantCount,
                answerCount: s.answerCount,
                deletesAt: deletionDate(s.endedAt, this.config.retentionDays),
              },
            ]
          : [];
      }),
    );
    return listed.flat();
  }

  /** Opens a session under a join code no open session holds. */
  async create(input: {
    readonly teacherId: string;
    readonly lessonId: string;
    readonly lessonVersionId: string;
    readonly mode: SessionMode;
    readonly firstSectionId: string;
  }): Promise<ClassSessionRecord> {
    for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt += 1) {
      const session = await insertClassSession(this.db, { ...input, joinCode: newJoinCode() });
      if (session) return session;
    }
    throw new Error(`No free join code after ${JOIN_CODE_ATTEMPTS} attempts`);
  }

  /** The session as its teacher sees it now, after whatever the request changed. */
  async teacherView(sessionId: string, lesson: Lesson, joinUrlOf: (joinCode: string) => string) {
    const session = await findClassSession(this.db, sessionId);
    if (!session) throw new ApiError(404, 'session_not_found', 'There is no such session.');
    return this.views.teacherView(lesson, session, joinUrlOf(session.joinCode));
  }

  /** Deletes the session with its students' data, and its audit row with it (or neither). */
  async delete(session: ClassSessionRecord, by: AuditSource): Promise<void> {
    await this.db.transaction(async (tx) => {
      await deleteClassSession(tx, session.id);
      await this.audit.record({ ...by, action: 'deleted_session', sessionId: session.id }, tx);
    });
    this.afterDeleting(session);
  }

  /**
   * Deletes a session no one has seen: an LTI launch made it and lost the race to set up its
   * link (services/lti-placements.ts). Nobody's data goes, so there is nothing to audit.
   */
  async discardUnseen(session: ClassSessionRecord): Promise<void> {
    await deleteClassSession(this.db, session.id);
    this.afterDeleting(session);
  }

  private afterDeleting(session: ClassSessionRecord): void {
    this.hub.endSessionStreams(session.id);
    // Its students' rows leave the table files soon, not at some later autovacuum.
    this.reclaimer.request();
  }

  async changeSection(session: ClassSessionRecord, lesson: Lesson, sectionId: string) {
    requireOpen(session);
    requireSection(lesson, sectionId, 'sectionId');
    await setCurrentSection(this.db, session.id, sectionId);
    await this.hub.publish(session.id, { to: 'everyone' }, { type: 'section.changed', sectionId });
  }

  async changeItem(
    session: ClassSessionRecord,
    lesson: Lesson,
    itemId: string,
    action: ItemAction,
  ): Promise<void> {
    requireOpen(session);
    const id = session.id;
    if (!findItem(lesson, itemId)) {
      throw new ApiError(404, 'item_not_found', `This lesson has no item "${itemId}".`);
    }
    const state = await this.db.transaction(async (tx) => {
      const stored = (await listItemStates(tx, id)).find((s) => s.itemId === itemId);
      const next = nextItemState(effectiveItemState(session, itemId, stored), action);
      await saveItemState(tx, id, next);
      return next;
    });
    await this.hub.publish(id, { to: 'everyone' }, { type: 'item.changed', state });
    if (action === 'close') await forgetParticipantsInMaps(this.db, id, itemId);
    if (action === 'reveal') {
      const results = await this.views.itemResults(lesson, id, itemId);
      if (results) {
        await this.hub.publish(id, { to: 'everyone' }, { type: 'results.revealed', results });
      }
    }
  }

  async publishSummary(
    session: ClassSessionRecord,
    lesson: Lesson,
    sectionId: string,
    text: string,
  ) {
    requireOpen(session);
    requireSection(lesson, sectionId);
    const summary = await saveSummary(this.db, session.id, sectionId, text);
    await this.hub.publish(session.id, { to: 'everyone' }, { type: 'summary.published', summary });
  }

  async withdrawSummary(session: ClassSessionRecord, sectionId: string): Promise<void> {
    requireOpen(session);
    await deleteSummary(this.db, session.id, sectionId);
    await this.hub.publish(
      session.id,
      { to: 'everyone' },
      { type: 'summary.withdrawn', sectionId },
    );
  }

  /**
   * The teacher keeps the session open until they end it (WCAG 2.2.1: the idle end passes it
   * by), or lets it end when idle again. Tells the teacher's other pages.
   */
  async setKeepOpen(session: ClassSessionRecord, keepOpen: boolean): Promise<void> {
    requireOpen(session);
    await setKeepOpen(this.db, session.id, keepOpen);
    // Choosing is using it: the idle end counts again from now.
    await touchClassSession(this.db, session.id);
  }

  async end(session: ClassSessionRecord): Promise<void> {
    requireOpen(session);
    await endClassSession(this.db, session.id);
    await forgetParticipantsInMaps(this.db, session.id);
    await this.hub.publish(session.id, { to: 'everyone' }, { type: 'session.ended' });
  }

  /** The teacher tells what happened; the class's forecasts are scored against it. */
  async revealOutcomes(
    session: ClassSessionRecord,
    lesson: Lesson,
    itemId: string,
    outcomes: Readonly<Record<string, ScenarioOutcome>>,
  ): Promise<void> {
    const item = findItem(lesson, itemId)?.item;
    if (item?.kind !== 'forecast') {
      throw new ApiError(
        404,
        'item_not_found',
        `"${itemId}" is not a forecast of this lesson.`,
        'itemId',
      );
    }
    const missing = item.scenarios.filter((s) => !(s.id in outcomes)).map((s) => s.id);
    const unknown = Object.keys(outcomes).filter((id) => !item.scenarios.some((s) => s.id === id));
    if (missing.length > 0 || unknown.length > 0) {
      throw new ApiError(
        400,
        'invalid_input',
        missing.length > 0
          ? `outcomes: give an outcome for every scenario (missing: ${missing.join(', ')})`
          : `outcomes: this forecast has no scenario ${unknown.join(', ')}`,
        'outcomes',
      );
    }
    await saveForecastOutcomes(this.db, session.id, itemId, outcomes);
    await this.hub.publish(session.id, { to: 'everyone' }, { type: 'outcomes.revealed', itemId });
  }

  async removeParticipant(session: ClassSessionRecord, participantId: string): Promise<void> {
    const isRemoved =
      /^[0-9a-f-]{36}$/i.test(participantId) &&
      (await removeParticipant(this.db, session.id, participantId));
    if (!isRemoved) {
      throw new ApiError(404, 'not_found', 'That student is not in this session.');
    }
    await this.hub.publish(
      session.id,
      { to: 'participant', participantId },
      { type: 'participant.removed', participantId },
    );
  }
}
