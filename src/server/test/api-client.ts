import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiErrorBody } from '#domain/api/errors';
import type { JoinResponse, SessionMode, TeacherSessionView } from '#domain/api/live-contracts';

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/**
 * One browser-like client for API tests: keeps its cookies (respecting their paths) and sends
 * the CSRF header on writes, as the real client does.
 */
export class ApiClient {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  constructor(readonly baseUrl: string) {}

  private cookieHeader(urlPath: string): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => urlPath.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  private keepCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const pathAttribute = attributes.find((a) => a.toLowerCase().startsWith('path='));
      const cookiePath = pathAttribute ? pathAttribute.slice(5) : '/';
      const isExpired =
        attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a)) || value === '';
      const key = name;
      if (isExpired) this.cookies.delete(key);
      else this.cookies.set(key, { value, path: cookiePath });
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  async request<T = unknown>(
    method: string,
    urlPath: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
    /** A body sent as it is, e.g. JSON that JSON.stringify could not make. */
    rawBody?: string,
  ): Promise<ApiResponse<T>> {
    if (method !== 'GET' && !this.cookies.has('csrf')) await this.request('GET', '/api/csrf');
    const headers: Record<string, string> = { ...extraHeaders };
    const cookie = this.cookieHeader(urlPath);
    if (cookie) headers.cookie = cookie;
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('csrf')?.value ?? '';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      method,
      headers,
      ...(rawBody !== undefined
        ? { body: rawBody }
        : body !== undefined
          ? { body: JSON.stringify(body) }
          : {}),
    });
    this.keepCookies(response.headers);
    const text = await response.text();
    const parsed: unknown =
      text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = unknown>(urlPath: string) {
    return this.request<T>('GET', urlPath);
  }

  post<T = unknown>(urlPath: string, body?: unknown) {
    return this.request<T>('POST', urlPath, body ?? {});
  }

  put<T = unknown>(urlPath: string, body?: unknown) {
    return this.request<T>('PUT', urlPath, body);
  }

  delete<T = unknown>(urlPath: string) {
    return this.request<T>('DELETE', urlPath);
  }

  /** A GET whose body is kept as bytes (`text()` would drop a byte order mark), with cookies. */
  async getBytes(urlPath: string): Promise<ApiResponse<Uint8Array>> {
    const cookie = this.cookieHeader(urlPath);
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      headers: cookie ? { cookie } : {},
    });
    this.keepCookies(response.headers);
    const body = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, body, headers: response.headers };
  }

  /** A write with a body sent as is (malformed JSON, an oversized body), with cookies and CSRF. */
  async sendRaw<T = unknown>(
    method: string,
    urlPath: string,
    rawBody: string,
    contentType = 'application/json',
  ): Promise<ApiResponse<T>> {
    if (!this.cookies.has('csrf')) await this.request('GET', '/api/csrf');
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-csrf-token': this.cookies.get('csrf')?.value ?? '',
    };
    const cookie = this.cookieHeader(urlPath);
    if (cookie) headers.cookie = cookie;
    const response = await fetch(`${this.baseUrl}${urlPath}`, { method, headers, body: rawBody });
    this.keepCookies(response.headers);
    const text = await response.text();
    const parsed: unknown =
      text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /**
   * Opens a server-sent event stream with this client's cookies (as EventSource would), and
   * `Last-Event-ID` when resuming. Throws when the server refuses the stream.
   */
  async openStream(urlPath: string, lastEventId?: string): Promise<EventStreamReader> {
    const controller = new AbortController();
    // As a browser's EventSource: it accepts compressed answers, which a stream must not be.
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      'accept-encoding': 'gzip, deflate, br',
    };
    const cookie = this.cookieHeader(urlPath);
    if (cookie) headers.cookie = cookie;
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      headers,
      signal: controller.signal,
    });
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !type.startsWith('text/event-stream') || !response.body) {
      const text = await response.text().catch(() => '');
      controller.abort();
      throw new Error(`The stream was refused: ${response.status} ${text}`);
    }
    return new EventStreamReader(response.body, controller, response.headers);
  }
}

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

export function errorOf(response: ApiResponse): ApiErrorBody['error'] {
  return (response.body as ApiErrorBody).error;
}

/**
 * Sends `count` requests together, each made by `send`, once as many connections to the server
 * are open: otherwise each leaves a handshake after the last, and requests meant to arrive at
 * once (to test a cap under concurrency) barely overlap.
 */
export async function sendAtOnce<T>(
  baseUrl: string,
  count: number,
  send: (index: number) => Promise<T>,
): Promise<T[]> {
  await Promise.all(
    Array.from({ length: count }, async () => {
      await (await fetch(`${baseUrl}/api/health`)).text();
    }),
  );
  return Promise.all(Array.from({ length: count }, (_, index) => send(index)));
}

/** A refusal in the project's error shape: the status, JSON, the code, a message, and the field when given. */
export function expectRefusal(response: ApiResponse, status: number, code: string, field?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const error = errorOf(response);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  if (field !== undefined) expect(error.field).toBe(field);
}

/** A signed-up teacher's client (a fresh e-mail each time). */
export async function signUpTeacher(baseUrl: string, name = 'Teacher'): Promise<ApiClient> {
  const teacher = new ApiClient(baseUrl);
  const response = await teacher.post('/api/auth/sign-up', {
    email: `${randomUUID()}@school.example`,
    name,
    password: 'correct horse battery',
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  return teacher;
}

/** Creates a session of the default lesson and returns its teacher view. */
export async function createLiveSession(
  teacher: ApiClient,
  mode: SessionMode,
  lessonId = 'soleimani-2020',
): Promise<TeacherSessionView> {
  const response = await teacher.post<TeacherSessionView>('/api/sessions', { lessonId, mode });
  if (response.status !== 201) {
    throw new Error(`creating a session failed: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** A student's client that has joined with the code, and what the join answered. */
export async function joinAs(
  baseUrl: string,
  code: string,
  displayName: string,
  options: { asNewNamesake?: boolean } = {},
): Promise<{ student: ApiClient; joined: JoinResponse }> {
  const student = new ApiClient(baseUrl);
  const response = await student.post<JoinResponse>('/api/join', {
    code,
    displayName,
    ...options,
  });
  if (response.status !== 201) throw new Error(`join failed: ${JSON.stringify(response.body)}`);
  return { student, joined: response.body };
}

/** Runs `work` for 0..count-1, `size` at a time (students arriving together, not one by one). */
export async function inBatches<T>(count: number, size: number, work: (i: number) => Promise<T>) {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = Array.from({ length: Math.min(size, count - start) }, (_, k) => work(start + k));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}
