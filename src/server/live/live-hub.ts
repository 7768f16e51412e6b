import type { FastifyBaseLogger } from 'fastify';
import type { Audience, LiveEvent } from '#domain/api/live-events';
import { LIVE_PROTOCOL_VERSION } from '#domain/api/live-events';
import type { Database } from '../db/database';
import { countAnswersByItem } from '../repositories/answers.repository';
import { touchClassSession } from '../repositories/class-sessions.repository';
import {
  countStreamClosed,
  countStreamOpened,
  markParticipantsSeen,
} from '../repositories/participants.repository';
import {
  findSessionEvent,
  insertSessionEvent,
  listSessionEventsAfter,
  type StoredEvent,
} from '../repositories/session-events.repository';

/** Who is at the other end of a stream. */
export type Viewer =
  { readonly role: 'teacher' } | { readonly role: 'participant'; readonly participantId: string };

export interface StreamSink {
  write(chunk: string): void;
  end(): void;
}

interface Subscriber {
  readonly sessionId: string;
  readonly viewer: Viewer;
  readonly sink: StreamSink;
  /**
   * Ids of the events written lately, so a replayed event and the same event live never both
   * arrive. Not a high-water mark: concurrent commits can signal a lower id after a higher one,
   * and that event must still go out.
   */
  readonly delivered: Set<number>;
  /** Live events that arrived while the replay was being read. */
  pending: StoredEvent[] | null;
}

const EVENTS_CHANNEL = 'live_session_events';
const ANSWERS_CHANNEL = 'live_session_answers';
/** A student was deleted: every instance ends their streams. Not stored, so it names nobody. */
const STUDENT_GONE_CHANNEL = 'live_student_gone';
const HEARTBEAT_MS = 15_000;
const SEEN_FLUSH_MS = 1000;
/** Published ids remembered until their own NOTIFY comes back (more means it never will). */
const PUBLISHED_HERE_MEMORY = 10_000;
/** How many delivered event ids each stream remembers to drop a duplicate. */
const DELIVERED_MEMORY = 2000;
/** Answer counts are sent at most this often per session, however many answers arrive. */
const COUNT_COALESCE_MS = 250;
/**
 * How long stored events are kept for replay (the housekeeping sweep deletes older ones). A
 * client away longer refetches on reconnect, as every client does; reports read answers and
 * sessions, never events.
 */
export const EVENT_RETENTION_MS = 24 * 3600 * 1000;
/**
 * A session's last activity is written at most this often per instance: idle sessions end after
 * hours, so a minute's precision is plenty, and a burst of joins costs one write.
 */
const ACTIVITY_WRITE_MS = 60_000;

export function isFor(audience: Audience, viewer: Viewer): boolean {
  switch (audience.to) {
    case 'everyone':
      return true;
    case 'teacher':
      return viewer.role === 'teacher';
    case 'participant':
      return viewer.role === 'teacher' || viewer.participantId === audience.participantId;
  }
}

export function formatEvent(event: LiveEvent, id?: number): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return `${idLine}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Fans session events out to the event streams this process holds. Events are stored first,
 * then signalled with a small NOTIFY (the event id), so every instance on the same database
 * delivers them, and a reconnecting client can be replayed what it missed.
 */
export class LiveHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly answerSignalTimers = new Map<string, NodeJS.Timeout>();
  private readonly recountTimers = new Map<string, NodeJS.Timeout>();
  private readonly wallTimers = new Map<string, NodeJS.Timeout>();
  private readonly unlisteners: (() => Promise<void>)[] = [];
  private heartbeat: NodeJS.Timeout | null = null;
  /** Ids of events this instance published, whose NOTIFY it has not heard back yet. */
  private readonly publishedHere = new Set<number>();
  /** When this instance last wrote each session's last activity (ms since the epoch). */
  private readonly activityWrittenAt = new Map<string, number>();
  /** Participants whose streams were seen since the last write of last_seen_at. */
  private readonly seen = new Set<string>();
  private seenTimer: NodeJS.Timeout | null = null;
  /**
   * Stream counts and session activity being written, awaited on close so none is lost or runs
   * on a closed database.
   */
  private readonly pendingWrites = new Set<Promise<void>>();
  private isClosing = false;

  constructor(
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
  ) {}

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
        this.endStudentStreamsHere(sessionId, participantId);
      }),
    );
    this.heartbeat = setInterval(() => {
      this.beat();
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
    if (this.db.kind === 'postgres') {
      if (this.publishedHere.size >= PUBLISHED_HERE_MEMORY) this.publishedHere.clear();
      this.publishedHere.add(id);
    }
    this.deliver({ id, sessionId, audience, event });
    if (this.db.kind === 'postgres') await this.db.notify(EVENTS_CHANNEL, String(id));
    // A stream opening or closing is a device waking, not the class at work: it keeps no
    // session from ending when idle.
    if (event.type !== 'participant.presence') await this.noteActivity(sessionId);
    return id;
  }

  /** An answer was saved: teachers' counts refresh soon, in one signal for a burst of answers. */
  answerRecorded(sessionId: string): void {
    void this.noteActivity(sessionId);
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
   * Adds a stream. With `lastEventId` (a reconnect), first replays the stored events after it.
   * Returns the function that removes the stream.
   */
  async subscribe(
    sessionId: string,
    viewer: Viewer,
    sink: StreamSink,
    lastEventId: number | null,
  ): Promise<() => void> {
    const subscriber: Subscriber = {
      sessionId,
      viewer,
      sink,
      delivered: new Set(),
      // Events published while the stream is being set up wait here, after `ready` and the replay.
      pending: [],
    };
    let set = this.subscribers.get(sessionId);
    if (!set) {
      set = new Set();
      this.subscribers.set(sessionId, set);
    }
    set.add(subscriber);
    // Counted before `ready` is sent, so a client that has read `ready` knows its stream counts
    // towards being online: closing another tab right after cannot make it look offline.
    if (viewer.role === 'participant') {
      await this.trackPresence(sessionId, viewer.participantId, 'opened');
    }
    sink.write(
      `retry: 2000\nevent: ready\ndata: ${JSON.stringify({ protocol: LIVE_PROTOCOL_VERSION })}\n\n`,
    );

    if (lastEventId !== null) {
      let after = lastEventId;
      for (;;) {
        const missed = await listSessionEventsAfter(this.db, sessionId, after);
        for (const stored of missed) this.write(subscriber, stored);
        const last = missed.at(-1);
        if (!last || missed.length < 500) break;
        after = last.id;
      }
    }
    const pending = subscriber.pending ?? [];
    subscriber.pending = null;
    for (const stored of pending) this.write(subscriber, stored);

    return () => {
      this.drop(subscriber);
    };
  }

  /** Ends every stream of a session this process holds (the session was deleted). */
  endSessionStreams(sessionId: string): void {
    for (const subscriber of this.subscribers.get(sessionId) ?? []) subscriber.sink.end();
    this.subscribers.delete(sessionId);
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

  private endStudentStreamsHere(sessionId: string, participantId: string) {
    for (const subscriber of this.subscribers.get(sessionId) ?? []) {
      const { viewer } = subscriber;
      if (viewer.role === 'participant' && viewer.participantId === participantId) {
        this.drop(subscriber);
        subscriber.sink.end();
      }
    }
  }

  async close(): Promise<void> {
    this.isClosing = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.seenTimer) clearTimeout(this.seenTimer);
    for (const timer of [
      ...this.answerSignalTimers.values(),
      ...this.recountTimers.values(),
      ...this.wallTimers.values(),
    ]) {
      clearTimeout(timer);
    }
    const closing = [...this.subscribers.values()].flatMap((set) => [...set]);
    this.subscribers.clear();
    for (const s of closing) s.sink.end();
    // Students whose streams this instance held go offline now, not after the online window;
    // their browsers reconnect, to another instance if there is one.
    for (const { sessionId, viewer } of closing) {
      if (viewer.role === 'participant') {
        void this.trackPresence(sessionId, viewer.participantId, 'closed');
      }
    }
    await Promise.all(this.pendingWrites);
    await Promise.all(this.unlisteners.map((unlisten) => unlisten()));
  }

  private write(subscriber: Subscriber, stored: StoredEvent) {
    if (subscriber.delivered.has(stored.id) || !isFor(stored.audience, subscriber.viewer)) return;
    subscriber.delivered.add(stored.id);
    if (subscriber.delivered.size > DELIVERED_MEMORY) {
      // Sets iterate in insertion order: forget the oldest.
      const oldest = subscriber.delivered.values().next().value;
      if (oldest !== undefined) subscriber.delivered.delete(oldest);
    }
    subscriber.sink.write(formatEvent(stored.event, stored.id));
    const { event } = stored;
    const { viewer } = subscriber;
    if (
      event.type === 'participant.removed' &&
      viewer.role === 'participant' &&
      viewer.participantId === event.participantId
    ) {
      // Told they were removed, the student's stream ends; a reconnect is refused (403).
      this.drop(subscriber);
      subscriber.sink.end();
    }
  }

  private drop(subscriber: Subscriber) {
    const set = this.subscribers.get(subscriber.sessionId);
    // Dropped once: a stream ended here (a removal) also closes its request, which drops it again.
    if (!set?.delete(subscriber)) return;
    if (set.size === 0) this.subscribers.delete(subscriber.sessionId);
    const { viewer } = subscriber;
    if (viewer.role === 'participant' && !this.isClosing) {
      void this.trackPresence(subscriber.sessionId, viewer.participantId, 'closed');
    }
  }

  /**
   * Counts a student's stream in the database (so every instance agrees) and tells teachers when
   * that makes them online or offline. Errors are logged: presence must not break a stream.
   */
  private trackPresence(
    sessionId: string,
    participantId: string,
    change: 'opened' | 'closed',
  ): Promise<void> {
    const write = (async () => {
      const isOpened = change === 'opened';
      const changed = isOpened
        ? await countStreamOpened(this.db, participantId)
        : await countStreamClosed(this.db, participantId);
      if (!changed) return;
      await this.publish(
        sessionId,
        { to: 'teacher' },
        { type: 'participant.presence', participantId, isOnline: isOpened },
      );
    })().catch((error: unknown) => {
      this.log.error({ err: error }, 'could not record who is online');
    });
    this.pendingWrites.add(write);
    void write.finally(() => this.pendingWrites.delete(write));
    return write;
  }

  private async deliverStored(id: number) {
    // Published here: already delivered from memory, no need to read it back.
    if (this.publishedHere.delete(id)) return;
    const stored = await findSessionEvent(this.db, id);
    if (stored) this.deliver(stored);
  }

  private deliver(stored: StoredEvent) {
    for (const subscriber of this.subscribers.get(stored.sessionId) ?? []) {
      if (subscriber.pending) subscriber.pending.push(stored);
      else this.write(subscriber, stored);
    }
  }

  private scheduleRecount(sessionId: string) {
    if (this.recountTimers.has(sessionId)) return;
    const hasTeacher = [...(this.subscribers.get(sessionId) ?? [])].some(
      (s) => s.viewer.role === 'teacher',
    );
    if (!hasTeacher) return;
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
    const frame = formatEvent({ type: 'answers.counted', answerCounts });
    for (const subscriber of this.subscribers.get(sessionId) ?? []) {
      if (subscriber.viewer.role === 'teacher') subscriber.sink.write(frame);
    }
  }

  /**
   * Records that the session is in use, so it does not end as idle (see the housekeeping
   * sweep); written at most once per ACTIVITY_WRITE_MS. Errors are logged: it must not break
   * the action that caused it.
   */
  private noteActivity(sessionId: string): Promise<void> {
    const now = Date.now();
    const writtenAt = this.activityWrittenAt.get(sessionId);
    if (writtenAt !== undefined && now - writtenAt < ACTIVITY_WRITE_MS) return Promise.resolve();
    if (this.activityWrittenAt.size > 10_000) this.activityWrittenAt.clear();
    this.activityWrittenAt.set(sessionId, now);
    const write = touchClassSession(this.db, sessionId).catch((error: unknown) => {
      this.log.error({ err: error }, 'could not record a session as active');
    });
    this.pendingWrites.add(write);
    void write.finally(() => this.pendingWrites.delete(write));
    return write;
  }

  private beat() {
    const participantIds: string[] = [];
    for (const set of this.subscribers.values()) {
      for (const subscriber of set) {
        subscriber.sink.write(': heartbeat\n\n');
        if (subscriber.viewer.role === 'participant') {
          participantIds.push(subscriber.viewer.participantId);
        }
      }
    }
    this.markSeen(participantIds);
  }

  /** Records streams as alive in one UPDATE a second at most, however many connect. */
  private markSeen(participantIds: readonly string[]) {
    for (const id of participantIds) this.seen.add(id);
    if (this.seenTimer || this.seen.size === 0) return;
    this.seenTimer = setTimeout(() => {
      this.seenTimer = null;
      const ids = [...this.seen];
      this.seen.clear();
      void markParticipantsSeen(this.db, ids).catch((error: unknown) => {
        this.log.error({ err: error }, 'could not record who is online');
      });
    }, SEEN_FLUSH_MS);
  }
}
