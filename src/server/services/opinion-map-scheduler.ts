import type { FastifyBaseLogger } from 'fastify';
import { withoutParticipants } from '#domain/discussion/class-map';
import { computeOpinionMap } from '#domain/discussion/opinion-map';
import type { OpinionMap } from '#domain/discussion/opinion-map-schema';
import type { Queryable } from '../db/database';
import {
  findOpinionMap,
  listStatements,
  listVotes,
  refreshVoteCounts,
  saveOpinionMap,
} from '../repositories/class-statements.repository';
import { isMapItemClosed } from '../repositories/closed-opinion-maps.repository';
import { listParticipants } from '../repositories/participants.repository';
import type { LiveHub } from '../live/live-hub';

/**
 * A vote asks for a new map; the map is drawn this long after the first ask, once for every
 * vote that came meanwhile, so a class voting at once costs one computation a second, not one
 * per vote.
 */
export const MAP_DELAY_MS = 1000;

interface Pending {
  timer: ReturnType<typeof setTimeout> | null;
  /** How long the last drawing took, reading included. */
  lastMs: number;
  isRunning: boolean;
  /** Asked again while computing: compute once more when done. */
  isDirty: boolean;
}

/**
 * Draws each class-statements item's opinion map off the request path: votes schedule it,
 * the map is stored (so groups keep their labels across a restart, the stored groups being
 * the next computation's `previousGroups`) and `map.updated` tells every open page.
 */
export class OpinionMapScheduler {
  private readonly pending = new Map<string, Pending>();
  private isClosed = false;

  constructor(
    private readonly db: Queryable,
    private readonly hub: LiveHub,
    private readonly log: FastifyBaseLogger,
    private readonly delayMs = MAP_DELAY_MS,
  ) {}

  schedule(sessionId: string, itemId: string): void {
    if (this.isClosed) return;
    const key = `${sessionId}\u0000${itemId}`;
    const entry = this.pending.get(key) ?? {
      timer: null,
      lastMs: 0,
      isRunning: false,
      isDirty: false,
    };
    this.pending.set(key, entry);
    if (entry.isRunning) {
      entry.isDirty = true;
      return;
    }
    // A map that takes long to draw (a thousand students, hundreds of statements) waits twice
    // as long between drawings, so drawing never takes more than a third of a core.
    entry.timer ??= setTimeout(
      () => {
        entry.timer = null;
        void this.run(key, entry, sessionId, itemId);
      },
      Math.max(this.delayMs, 2 * entry.lastMs),
    );
  }

  private async run(key: string, entry: Pending, sessionId: string, itemId: string) {
    entry.isRunning = true;
    const started = performance.now();
    try {
      await this.computeNow(sessionId, itemId);
      entry.lastMs = performance.now() - started;
    } catch (error) {
      this.log.error({ err: error, sessionId, itemId }, 'The opinion map could not be drawn');
    } finally {
      entry.isRunning = false;
      if (entry.isDirty) {
        entry.isDirty = false;
        this.schedule(sessionId, itemId);
      } else if (entry.timer === null && entry.lastMs < this.delayMs) {
        // Quick maps are forgotten; a slow one's time is kept for the next drawing's wait.
        this.pending.delete(key);
      }
    }
  }

  /** Draws the map now, stores it and tells every open page. */
  async computeNow(sessionId: string, itemId: string): Promise<OpinionMap> {
    await refreshVoteCounts(this.db, sessionId, itemId);
    const [participants, statements, votes, previous] = await Promise.all([
      listParticipants(this.db, sessionId),
      listStatements(this.db, sessionId, itemId),
      listVotes(this.db, sessionId, itemId),
      findOpinionMap(this.db, sessionId, itemId),
    ]);
    // Votes on a statement the teacher hid since no longer place anyone.
    const shown = new Set(statements.filter((s) => s.status === 'shown').map((s) => s.id));
    const drawn = computeOpinionMap({
      participants: participants.map((p) => p.id),
      statements: [...shown],
      votes: votes.filter((vote) => shown.has(vote.statementId)),
      previousGroups: previous?.status === 'ready' ? previous.groups : undefined,
    });
    // Drawn again after its item closed (a statement hidden): it keeps no student's id.
    const map = (await isMapItemClosed(this.db, sessionId, itemId))
      ? withoutParticipants(drawn)
      : drawn;
    await saveOpinionMap(this.db, sessionId, itemId, map);
    await this.hub.publish(sessionId, { to: 'everyone' }, { type: 'map.updated', itemId });
    return map;
  }

  close(): void {
    this.isClosed = true;
    for (const entry of this.pending.values()) if (entry.timer) clearTimeout(entry.timer);
    this.pending.clear();
  }
}
