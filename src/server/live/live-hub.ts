import type { FastifyBaseLogger } from 'fastify';
import type { Audience, LiveEvent } from '#domain/api/live-events';
import { LIVE_PROTOCOL_VERSION } from '#domain/api/live-events';
import type { Database } from '../db/database';
import { countAnswersByItem } from '../repositories/answers.repository';
import {
  findSessionEvent,
  insertSessionEvent,
  listSessionEventsAfter,
} from '../repositories/session-events.repository';
import { formatEvent, SessionStreams, type StreamSink, type Viewer } from './session-streams';
import { StreamActivity } from './stream-activity';

const EVENTS_CHANNEL = 'live_session_events';
const ANSWERS_CHANNEL = 'live_session_answers';
/** A student was deleted: every instance ends their streams. Not stored, so it names nobody. */
const STUDENT_GONE_CHANNEL = 'live_student_gone';
const HEARTBEAT_MS = 15_000;
/** Published ids remembered until their own NOTIFY comes back (more means it never will). */
const PUBLISHED_HERE_MEMORY = 10_000;
/** Answer counts are sent at most this often per session, however many answers arrive. */
const COUNT_COALESCE_MS = 250;
/** Stored events read at once when a reconnecting stream is replayed what it missed. */
const REPLAY_PAGE = 500;
/**
 * How long stored events are kept for replay (the housekeeping sweep deletes older ones). A
 * client away longer refetches on reconnect, as every client does; reports read answers and
 * sessions, never events.
 */
export const EVENT_RETENTION_MS = 24 * 3600 * 1000;

/** A change to a session: an event published, or an answer saved. */
export type SessionChange = LiveEvent['type'] | 'answer';

/**
 * Fans session events out to the event streams this process holds (session-streams.ts).
 * Events are stored first, then signalled with a small NOTIFY (the event id), so every instance
 * on the same database delivers them, and a reconnecting client can be replayed what it
 * missed. Who is online and which sessions are in use is written by stream-activity.ts.
 */
export class LiveHub {
  private readonly streams: SessionStreams;
  private readonly activity: StreamActivity;
  private readonly answerSignalTimers = new Map<string, NodeJS.Timeout>();
  private readonly recountTimers = new Map<string, NodeJS.Timeout>();
  private readonly wallTimers = new Map<string, NodeJS.Timeout>();
  private readonly unlisteners: (() => Promise<void>)[] = [];
  private heartbeat: NodeJS.Timeout | null = null;
  /** Ids of events this instance published, whose NOTIFY it has not heard back yet. */
  private readonly publishedHere = new Set<number>();
  private isClosing = false;
  /** Told of each change made on this instance (lti-grades.ts works grades out again). */
  private readonly changeListeners: ((sessionId: string, change: SessionChange) => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
  ) {
    this.activity = new StreamActivity(db, log, (sessionId, audience, event) =>
      this.publish(sessionId, audience, event),
    );
    this.streams = new SessionStreams(({ sessionId, viewer }) => {
      if (viewer.role === 'participant' && !this.isClosing) {
        void this.activity.presence(sessionId, viewer.participantId, 'closed');
      }
    });
  }

  async start(): Promise<void> {
    this.unlisteners.push(
      await this.db.listen(EVENTS_CHANNEL, (payload) => {
        void this.deliverStored(Number(payload)).catch((error: unknown) => {
          this.log.error({ err: error }, 'could not deliver a session event');
        });
      }),
      await this.db.listen(ANSWERS_CHANNEL, (sessionId) => {
        this.scheduleRecount(sessionId);
      }),
      await this.db.listen(STUDENT_GONE_CHANNEL, (payload) => {
        const [sessionId = '', participantId = ''] = payload.split(' ');
        this.streams.endStudent(sessionId, participantId);
      }),
    );
    this.heartbeat = setInterval(() => {
      this.activity.seenNow(this.streams.beat());
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /**
   * Stores an event and tells every instance about it. Call after the change is committed.
   * This instance's streams get it at once, from memory; the others through NOTIFY, which
   * PGlite skips (one process owns its directory, so there are no others).
   */
  async publish(sessionId: string, audience: Audience, event: LiveEvent): Promise<number> {
    const id = await insertSessionEvent(this.db, sessionId, audience, event);
    this.tellChange(sessionId, event.type);
    if (this.db.kind === 'postgres') {
      if (this.publishedHere.size >= PUBLISHED_HERE_MEMORY) this.publishedHere.clear();
      this.publishedHere.add(id);
    }
    this.streams.deliver({ id, sessionId, audience, event });
    if (this.db.kind === 'postgres') await this.db.notify(EVENTS_CHANNEL, String(id));
    // A stream opening or closing is a device waking, not the class at work: it keeps no
    // session from ending when idle.
    if (event.type !== 'participant.presence') await this.activity.sessionUsed(sessionId);
    return id;
  }

  /** An answer was saved: teachers' counts refresh soon, in one signal for a burst of answers. */
  answerRecorded(sessionId: string): void {
    void this.activity.sessionUsed(sessionId);
    this.tellChange(sessionId, 'answer');
    if (this.answerSignalTimers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.answerSignalTimers.delete(sessionId);
      void this.db.notify(ANSWERS_CHANNEL, sessionId).catch((error: unknown) => {
        this.log.error({ err: error }, 'could not signal an answer');
      });
    }, COUNT_COALESCE_MS);
    this.answerSignalTimers.set(sessionId, timer);
  }

  /**
   * A response on a wall students can see changed: tell everyone, at most once per
   * COUNT_COALESCE_MS per item however many students write at once.
   */
  wallChanged(sessionId: string, itemId: string): void {
    const key = `${sessionId}:${itemId}`;
    if (this.wallTimers.has(key)) return;
    const timer = setTimeout(() => {
      this.wallTimers.delete(key);
      void this.publish(sessionId, { to: 'everyone' }, { type: 'wall.changed', itemId }).catch(
        (error: unknown) => {
          this.log.error({ err: error }, 'could not signal a wall change');
        },
      );
    }, COUNT_COALESCE_MS);
    this.wallTimers.set(key, timer);
  }

  /**
   * Listens to the changes made on this instance, once each (not to those heard from others):
   * the events it publishes and the answers it saves.
   */
  onSessionChange(listener: (sessionId: string, change: SessionChange) => void): void {
    this.changeListeners.push(listener);
  }

  private tellChange(sessionId: string, change: SessionChange): void {
    for (const listener of this.changeListeners) listener(sessionId, change);
  }

  /**
   * Adds a stream. With `lastEventId` (a reconnect), first replays the stored events after it.
   * Returns the function that removes the stream.
   */
  async subscribe(
    sessionId: string,
    viewer: Viewer,
    sink: StreamSink,
    lastEventId: number | null,
  ): Promise<() => void> {
    // Events published while the stream is being set up wait, after `ready` and the replay.
    const subscriber = this.streams.add(sessionId, viewer, sink);
    // Counted before `ready` is sent, so a client that has read `ready` knows its stream counts
    // towards being online: closing another tab right after cannot make it look offline.
    if (viewer.role === 'participant') {
      await this.activity.presence(sessionId, viewer.participantId, 'opened');
    }
    sink.write(
      `retry: 2000\nevent: ready\ndata: ${JSON.stringify({ protocol: LIVE_PROTOCOL_VERSION })}\n\n`,
    );

    if (lastEventId !== null) {
      let after = lastEventId;
      for (;;) {
        const missed = await listSessionEventsAfter(this.db, sessionId, after);
        for (const stored of missed) this.streams.write(subscriber, stored);
        const last = missed.at(-1);
        if (!last || missed.length < REPLAY_PAGE) break;
        after = last.id;
      }
    }
    this.streams.release(subscriber);

    return () => {
      this.streams.drop(subscriber);
    };
  }

  /** Ends every stream of a session this process holds (the session was deleted). */
  endSessionStreams(sessionId: string): void {
    this.streams.endSession(sessionId);
  }

  /**
   * Ends a deleted student's streams on every instance. Call after the deletion is committed:
   * their browser's reconnect is then refused, and closing finds no row to mark offline, so no
   * presence event names them again. Also called when a student rejoins on another device:
   * the old device's reconnect is refused, as it was signed out.
   */
  async endStudentStreams(sessionId: string, participantId: string): Promise<void> {
    await this.db.notify(STUDENT_GONE_CHANNEL, `${sessionId} ${participantId}`);
  }

  async close(): Promise<void> {
    this.isClosing = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.activity.stop();
    for (const timer of [
      ...this.answerSignalTimers.values(),
      ...this.recountTimers.values(),
      ...this.wallTimers.values(),
    ]) {
      clearTimeout(timer);
    }
    // Students whose streams this instance held go offline now, not after the online window;
    // their browsers reconnect, to another instance if there is one.
    for (const { sessionId, viewer } of this.streams.closeAll()) {
      if (viewer.role === 'participant') {
        void this.activity.presence(sessionId, viewer.participantId, 'closed');
      }
    }
    await this.activity.settle();
    await Promise.all(this.unlisteners.map((unlisten) => unlisten()));
  }

  private async deliverStored(id: number) {
    // Published here: already delivered from memory, no need to read it back.
    if (this.publishedHere.delete(id)) return;
    const stored = await findSessionEvent(this.db, id);
    if (stored) this.streams.deliver(stored);
  }

  private scheduleRecount(sessionId: string) {
    if (this.recountTimers.has(sessionId)) return;
    if (!this.streams.hasTeacher(sessionId)) return;
    const timer = setTimeout(() => {
      this.recountTimers.delete(sessionId);
      void this.sendCounts(sessionId).catch((error: unknown) => {
        this.log.error({ err: error }, 'could not count answers');
      });
    }, COUNT_COALESCE_MS);
    this.recountTimers.set(sessionId, timer);
  }

  private async sendCounts(sessionId: string) {
    const answerCounts = await countAnswersByItem(this.db, sessionId);
    this.streams.writeToTeachers(sessionId, formatEvent({ type: 'answers.counted', answerCounts }));
  }
}
