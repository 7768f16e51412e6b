/** One parsed server-sent event. `data` is parsed JSON (or the text when it is not JSON). */
export interface SseMessage {
  readonly id: string | undefined;
  readonly event: string;
  readonly data: unknown;
}

const openStreams = new Set<EventStreamReader>();

/** Aborts every stream a test left open, so the server can close (call in afterEach). */
export function closeOpenStreams(): void {
  for (const stream of openStreams) stream.close();
}

/** Reads an SSE body into messages as they arrive; `next` waits for one with a timeout. */
export class EventStreamReader {
  /** Every message received so far, including those already taken with `next`. */
  readonly received: SseMessage[] = [];
  private readonly queue: SseMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private buffer = '';
  private isEnded = false;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly controller: AbortController,
    /** The response headers the stream was opened with. */
    readonly headers: Headers = new Headers(),
  ) {
    openStreams.add(this);
    void this.pump(body);
  }

  get hasEnded(): boolean {
    return this.isEnded;
  }

  private async pump(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        this.parseBuffer();
      }
    } catch {
      // Aborted by close(), or the connection dropped: either way the stream has ended.
    }
    this.isEnded = true;
    openStreams.delete(this);
    this.wake();
  }

  private parseBuffer() {
    let end = this.buffer.indexOf('\n\n');
    for (; end !== -1; end = this.buffer.indexOf('\n\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let id: string | undefined;
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue; // comments (heartbeats)
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? '' : line.slice(colon + 1);
        const value = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      // As in EventSource: a block without data (a heartbeat) dispatches nothing.
      if (data.length === 0) continue;
      const text = data.join('\n');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
      const message: SseMessage = { id, event, data: parsed };
      this.received.push(message);
      this.queue.push(message);
    }
    this.wake();
  }

  private wake() {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Waits until something arrives or the stream ends; false after `timeoutMs`. */
  private waitForChange(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (changed: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(onChange);
        resolve(changed);
      };
      const onChange = () => {
        done(true);
      };
      const timer = setTimeout(() => {
        done(false);
      }, timeoutMs);
      this.waiters.add(onChange);
    });
  }

  /** The next message; throws when none arrives within `timeoutMs` or the stream ends. */
  async next(timeoutMs = 3000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = this.queue.shift();
      if (message) return message;
      if (this.isEnded) throw new Error('The stream ended while waiting for a message.');
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.waitForChange(left))) {
        if (this.queue.length > 0) continue;
        throw new Error(`No message arrived within ${timeoutMs} ms.`);
      }
    }
  }

  /** Takes messages until one of this event type, and returns it (the skipped ones are gone). */
  async nextOf(event: string, timeoutMs = 3000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = Math.max(0, deadline - Date.now());
      const message = await this.next(left).catch((error: unknown) => {
        const names = this.received.map((m) => m.event).join(', ');
        throw new Error(
          `No "${event}" arrived within ${timeoutMs} ms (received: ${names}): ${String(error)}`,
        );
      });
      if (message.event === event) return message;
    }
  }

  /** Takes every message that arrives within `ms`. */
  async collect(ms: number): Promise<SseMessage[]> {
    const deadline = Date.now() + ms;
    const taken: SseMessage[] = [];
    for (;;) {
      taken.push(...this.queue.splice(0));
      const left = deadline - Date.now();
      if (left <= 0 || this.isEnded) return taken;
      await this.waitForChange(left);
    }
  }

  /** True when the server ends the stream within `timeoutMs`. */
  async waitForEnd(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.isEnded) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.waitForChange(left);
    }
    return true;
  }

  /** Aborts the request, which closes the stream on the server. */
  close(): void {
    this.controller.abort();
    openStreams.delete(this);
  }
}
