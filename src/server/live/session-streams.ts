import type { Audience, LiveEvent } from '#domain/api/live-events';
import type { StoredEvent } from '../repositories/session-events.repository';

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

/** How many delivered event ids each stream remembers to drop a duplicate. */
const DELIVERED_MEMORY = 2000;

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
 * The event streams this process holds, by session: each event written once to the streams it
 * is for, held back while a stream's replay is read.
 */
export class SessionStreams {
  private readonly subscribers = new Map<string, Set<Subscriber>>();

  /** `onDropped` hears of every stream that goes, but not of those ended by closeAll. */
  constructor(private readonly onDropped: (subscriber: Subscriber) => void) {}

  /** Adds a stream; events published meanwhile wait until `release`, after its replay. */
  add(sessionId: string, viewer: Viewer, sink: StreamSink): Subscriber {
    const subscriber: Subscriber = { sessionId, viewer, sink, delivered: new Set(), pending: [] };
    let set = this.subscribers.get(sessionId);
    if (!set) {
      set = new Set();
      this.subscribers.set(sessionId, set);
    }
    set.add(subscriber);
    return subscriber;
  }

  /** Writes the events that waited while the stream was being set up; then they go live. */
  release(subscriber: Subscriber): void {
    const pending = subscriber.pending ?? [];
    subscriber.pending = null;
    for (const stored of pending) this.write(subscriber, stored);
  }

  write(subscriber: Subscriber, stored: StoredEvent): void {
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

  /** An event to every stream of its session it is for (waiting behind a replay if need be). */
  deliver(stored: StoredEvent): void {
    for (const subscriber of this.subscribers.get(stored.sessionId) ?? []) {
      if (subscriber.pending) subscriber.pending.push(stored);
      else this.write(subscriber, stored);
    }
  }

  drop(subscriber: Subscriber): void {
    const set = this.subscribers.get(subscriber.sessionId);
    // Dropped once: a stream ended here (a removal) also closes its request, which drops it again.
    if (!set?.delete(subscriber)) return;
    if (set.size === 0) this.subscribers.delete(subscriber.sessionId);
    this.onDropped(subscriber);
  }

  /** Ends every stream of a session (the session was deleted). */
  endSession(sessionId: string): void {
    for (const subscriber of this.subscribers.get(sessionId) ?? []) subscriber.sink.end();
    this.subscribers.delete(sessionId);
  }

  /** Ends one student's streams in a session. */
  endStudent(sessionId: string, participantId: string): void {
    for (const subscriber of this.subscribers.get(sessionId) ?? []) {
      const { viewer } = subscriber;
      if (viewer.role === 'participant' && viewer.participantId === participantId) {
        this.drop(subscriber);
        subscriber.sink.end();
      }
    }
  }

  hasTeacher(sessionId: string): boolean {
    return [...(this.subscribers.get(sessionId) ?? [])].some((s) => s.viewer.role === 'teacher');
  }

  /** A frame for the session's teachers only, not stored (counts). */
  writeToTeachers(sessionId: string, frame: string): void {
    for (const subscriber of this.subscribers.get(sessionId) ?? []) {
      if (subscriber.viewer.role === 'teacher') subscriber.sink.write(frame);
    }
  }

  /** Writes a heartbeat to every stream; returns the students whose streams took it. */
  beat(): string[] {
    const participantIds: string[] = [];
    for (const set of this.subscribers.values()) {
      for (const subscriber of set) {
        subscriber.sink.write(': heartbeat\n\n');
        if (subscriber.viewer.role === 'participant') {
          participantIds.push(subscriber.viewer.participantId);
        }
      }
    }
    return participantIds;
  }

  /** Ends every stream and forgets them; returns them, for the caller to mark offline. */
  closeAll(): Subscriber[] {
    const closing = [...this.subscribers.values()].flatMap((set) => [...set]);
    this.subscribers.clear();
    for (const s of closing) s.sink.end();
    return closing;
  }
}
