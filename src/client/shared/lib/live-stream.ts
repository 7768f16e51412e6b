import {
  LIVE_EVENT_TYPES,
  LIVE_PROTOCOL_VERSION,
  liveEventSchema,
  streamReadySchema,
  type LiveEvent,
} from '#domain/api/live-events';

/**
 * The one place the client opens an EventSource: a session's live stream. The browser's
 * EventSource reconnects by itself and sends Last-Event-ID, so the server replays what it kept;
 * on every (re)open the caller refetches too, for whatever the replay could not cover.
 */

export type LiveConnectionState = 'connecting' | 'open' | 'reconnecting';

const MAX_RETRY_DELAY_MS = 30_000;

/** A message on the stream that its contract (live-events.ts) does not describe. */
export class LiveEventError extends Error {
  override readonly name = 'LiveEventError';

  constructor(
    readonly eventType: string,
    readonly problem: string,
  ) {
    super(`A live update (${eventType}) could not be read: ${problem}`);
  }
}

export interface LiveStreamHandlers {
  readonly onEvent: (event: LiveEvent) => void;
  /**
   * Called on the first open, on every reopen, and when the server refuses the stream: refetch
   * what may have been missed (or learn why the stream was refused: ended, removed). Also called
   * for an event this page cannot read, or one from a newer protocol: refetching is never wrong.
   */
  readonly onOpen: () => void;
  readonly onStateChange: (state: LiveConnectionState) => void;
  /** An event that could not be read; the stream goes on (and onOpen refetches). */
  readonly onUnreadable?: (error: LiveEventError) => void;
}

/** Reads one message's data as the event its name says, checked against the contract. */
export function parseLiveEvent(type: string, data: unknown): LiveEvent | LiveEventError {
  if (typeof data !== 'string') return new LiveEventError(type, 'no data');
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return new LiveEventError(type, 'not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return new LiveEventError(type, 'not an object');
  }
  // The event name on the wire is the authority; the payload may or may not repeat it.
  const result = liveEventSchema.safeParse({ ...parsed, type });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return new LiveEventError(
    type,
    `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
  );
}

/** The protocol the stream's `ready` message names; null when it cannot be read. */
export function parseReadyProtocol(data: unknown): number | null {
  if (typeof data !== 'string') return null;
  try {
    const result = streamReadySchema.safeParse(JSON.parse(data));
    return result.success ? result.data.protocol : null;
  } catch {
    return null;
  }
}

export function liveStreamUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/events`;
}

/** Opens the session's event stream; returns a function that closes it for good. */
export function openLiveStream(sessionId: string, handlers: LiveStreamHandlers): () => void {
  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let isClosed = false;
  /** A server newer than this page writes events it may misread: refetch on each instead. */
  let isNewerProtocol = false;

  const unreadable = (error: LiveEventError) => {
    handlers.onUnreadable?.(error);
    handlers.onOpen();
  };

  const connect = () => {
    const current = new EventSource(liveStreamUrl(sessionId));
    source = current;
    current.onopen = () => {
      failures = 0;
      handlers.onStateChange('open');
      handlers.onOpen();
    };
    current.onerror = () => {
      if (isClosed) return;
      handlers.onStateChange('reconnecting');
      if (current.readyState !== EventSource.CLOSED) return; // the browser retries by itself
      // The server refused the stream (an HTTP error): the browser gives up, so retry here,
      // backing off, and let the refetch on reopen tell the page what changed (ended, removed).
      current.close();
      failures += 1;
      const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** failures);
      retryTimer = setTimeout(connect, delay);
      handlers.onOpen();
    };
    current.addEventListener('ready', (message: MessageEvent) => {
      const protocol = parseReadyProtocol(message.data);
      isNewerProtocol = protocol === null || protocol > LIVE_PROTOCOL_VERSION;
    });
    // Unnamed messages are no event of this protocol.
    current.onmessage = (message: MessageEvent) => {
      unreadable(new LiveEventError('message', `an event without a type: ${String(message.data)}`));
    };
    for (const type of LIVE_EVENT_TYPES) {
      current.addEventListener(type, (message: MessageEvent) => {
        if (isNewerProtocol) {
          handlers.onOpen();
          return;
        }
        const event = parseLiveEvent(type, message.data);
        if (event instanceof LiveEventError) unreadable(event);
        else handlers.onEvent(event);
      });
    }
  };

  handlers.onStateChange('connecting');
  connect();
  return () => {
    isClosed = true;
    clearTimeout(retryTimer);
    source?.close();
  };
}
