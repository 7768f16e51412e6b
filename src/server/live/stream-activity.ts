import type { FastifyBaseLogger } from 'fastify';
import type { Audience, LiveEvent } from '#domain/api/live-events';
import type { Database } from '../db/database';
import { touchClassSession } from '../repositories/class-sessions.repository';
import {
  countStreamClosed,
  countStreamOpened,
  markParticipantsSeen,
} from '../repositories/participants.repository';

const SEEN_FLUSH_MS = 1000;
/**
 * A session's last activity is written at most this often per instance: idle sessions end after
 * hours, so a minute's precision is plenty, and a burst of joins costs one write.
 */
const ACTIVITY_WRITE_MS = 60_000;

type Publish = (sessionId: string, audience: Audience, event: LiveEvent) => Promise<number>;

/**
 * What streams and events say about who is there, written to the database: students online
 * (stream counts, last seen) and sessions in use (last activity). Every write is logged when it
 * fails, never thrown: bookkeeping must not break a stream or the action that caused it.
 */
export class StreamActivity {
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

  constructor(
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
    private readonly publish: Publish,
  ) {}

  private track(write: Promise<void>): Promise<void> {
    this.pendingWrites.add(write);
    void write.finally(() => this.pendingWrites.delete(write));
    return write;
  }

  /**
   * Counts a student's stream in the database (so every instance agrees) and tells teachers when
   * that makes them online or offline.
   */
  presence(sessionId: string, participantId: string, change: 'opened' | 'closed'): Promise<void> {
    return this.track(
      (async () => {
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
      }),
    );
  }

  /**
   * Records that the session is in use, so it does not end as idle (see the housekeeping
   * sweep); written at most once per ACTIVITY_WRITE_MS.
   */
  sessionUsed(sessionId: string): Promise<void> {
    const now = Date.now();
    const writtenAt = this.activityWrittenAt.get(sessionId);
    if (writtenAt !== undefined && now - writtenAt < ACTIVITY_WRITE_MS) return Promise.resolve();
    if (this.activityWrittenAt.size > 10_000) this.activityWrittenAt.clear();
    this.activityWrittenAt.set(sessionId, now);
    return this.track(
      touchClassSession(this.db, sessionId).catch((error: unknown) => {
        this.log.error({ err: error }, 'could not record a session as active');
      }),
    );
  }

  /** Records streams as alive in one UPDATE a second at most, however many connect. */
  seenNow(participantIds: readonly string[]): void {
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

  /** Stops the next last-seen write. */
  stop(): void {
    if (this.seenTimer) clearTimeout(this.seenTimer);
  }

  /** Waits for the writes under way. */
  async settle(): Promise<void> {
    await Promise.all(this.pendingWrites);
  }
}
