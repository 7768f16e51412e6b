import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIVE_EVENT_TYPES, LIVE_PROTOCOL_VERSION } from '#domain/api/live-events';
import {
  LiveEventError,
  openLiveStream,
  parseLiveEvent,
  type LiveStreamHandlers,
} from './live-stream';

/** Stands in for the browser's EventSource: the test plays the server's messages. */
class FakeEventSource {
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 1;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((message: MessageEvent) => void) | null = null;
  private readonly listeners = new Map<string, ((message: MessageEvent) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }

  addEventListener(type: string, listener: (message: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }

  emit(type: string, data: string) {
    const message = new MessageEvent(type, { data });
    if (type === 'message') this.onmessage?.(message);
    for (const listener of this.listeners.get(type) ?? []) listener(message);
  }

  /** Which event names the client listens for. */
  listenedTypes(): string[] {
    return [...this.listeners.keys()];
  }
}

function handlers() {
  return {
    onEvent: vi.fn<LiveStreamHandlers['onEvent']>(),
    onOpen: vi.fn<LiveStreamHandlers['onOpen']>(),
    onStateChange: vi.fn<LiveStreamHandlers['onStateChange']>(),
    onUnreadable: vi.fn<NonNullable<LiveStreamHandlers['onUnreadable']>>(),
  };
}

describe('the live stream', () => {
  beforeEach(() => {
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('listens for every event type of the contract', () => {
    const close = openLiveStream('s1', handlers());
    expect(FakeEventSource.last!.url).toBe('/api/sessions/s1/events');
    expect(FakeEventSource.last!.listenedTypes()).toEqual(['ready', ...LIVE_EVENT_TYPES]);
    expect(LIVE_EVENT_TYPES).toContain('participant.presence');
    close();
  });

  it('hands on an event that fits its contract, parsed', () => {
    const on = handlers();
    const close = openLiveStream('s1', on);
    const source = FakeEventSource.last!;
    source.emit('ready', JSON.stringify({ protocol: LIVE_PROTOCOL_VERSION }));
    source.emit('section.changed', JSON.stringify({ type: 'section.changed', sectionId: 'two' }));
    expect(on.onEvent).toHaveBeenCalledWith({ type: 'section.changed', sectionId: 'two' });
    expect(on.onUnreadable).not.toHaveBeenCalled();
    close();
  });

  it('reports a malformed event as a typed error and refetches instead of crashing', () => {
    const on = handlers();
    const close = openLiveStream('s1', on);
    const source = FakeEventSource.last!;
    source.emit('item.changed', JSON.stringify({ state: { itemId: 'q1', status: 'half-open' } }));
    source.emit('answers.counted', '{not json');
    expect(on.onEvent).not.toHaveBeenCalled();
    expect(on.onUnreadable).toHaveBeenCalledTimes(2);
    const [first] = on.onUnreadable.mock.calls[0]!;
    expect(first).toBeInstanceOf(LiveEventError);
    expect(first).toMatchObject({ eventType: 'item.changed' });
    expect(first.problem).toMatch(/^state\.(status|isRevealed)/);
    expect(on.onOpen).toHaveBeenCalledTimes(2);
    close();
  });

  it('reports an event without a known type and refetches', () => {
    const on = handlers();
    const close = openLiveStream('s1', on);
    FakeEventSource.last!.emit('message', JSON.stringify({ type: 'poll.exploded' }));
    expect(on.onUnreadable.mock.calls[0]![0]).toMatchObject({ eventType: 'message' });
    expect(on.onOpen).toHaveBeenCalledTimes(1);
    expect(on.onEvent).not.toHaveBeenCalled();
    close();
  });

  it('refetches rather than reading events of a newer protocol', () => {
    const on = handlers();
    const close = openLiveStream('s1', on);
    const source = FakeEventSource.last!;
    source.emit('ready', JSON.stringify({ protocol: LIVE_PROTOCOL_VERSION + 1 }));
    source.emit('section.changed', JSON.stringify({ sectionId: 'two' }));
    expect(on.onEvent).not.toHaveBeenCalled();
    expect(on.onOpen).toHaveBeenCalledTimes(1);
    close();
  });
});

describe('parseLiveEvent', () => {
  it('takes the type from the event name, not the payload', () => {
    expect(
      parseLiveEvent(
        'summary.withdrawn',
        JSON.stringify({ type: 'session.ended', sectionId: 'a' }),
      ),
    ).toEqual({ type: 'summary.withdrawn', sectionId: 'a' });
  });

  it('drops fields the contract does not name', () => {
    expect(
      parseLiveEvent('outcomes.revealed', JSON.stringify({ itemId: 'f1', extra: true })),
    ).toEqual({ type: 'outcomes.revealed', itemId: 'f1' });
  });
});
