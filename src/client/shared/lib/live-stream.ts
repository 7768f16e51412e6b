import type { LiveEvent, LiveEventType } from '../../../domain/live/live-events';

/**
 * The one place the client opens an EventSource: a session's live stream. The browser's
 * EventSource reconnects by itself and sends Last-Event-ID, so the server replays what it kept;
 * on every (re)open the caller refetches too, for whatever the replay could not cover.
 */

export type LiveConnectionState = 'connecting' | 'open' | 'reconnecting';

const EVENT_TYPES: readonly LiveEventType[] = [
  'section.changed',
  'item.changed',
  'results.revealed',
  'summary.published',
  'summary.withdrawn',
  'session.ended',
  'participant.joined',
  'participant.removed',
  'participant.presence',
  'participant.progressed',
  'answers.counted',
  'wall.changed',
  'outcomes.revealed',
];

const MAX_RETRY_DELAY_MS = 30_000;

export interface LiveStreamHandlers {
  readonly onEvent: (event: LiveEvent) => void;
  /**
   * Called on the first open, on every reopen, and when the server refuses the stream: refetch
   * what may have been missed (or learn why the stream was refused: ended, removed).
   */
  readonly onOpen: () => void;
  readonly onStateChange: (state: LiveConnectionState) => void;
}

function parseLiveEvent(type: string, data: unknown): LiveEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null) return null;
    // The event name on the wire is the authority; the payload may or may not repeat it.
    return { ...parsed, type } as LiveEvent;
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
    for (const type of EVENT_TYPES) {
      current.addEventListener(type, (message: MessageEvent) => {
        const event = parseLiveEvent(type, message.data);
        if (event) handlers.onEvent(event);
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
