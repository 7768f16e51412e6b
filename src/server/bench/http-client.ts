import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { CookieJar } from '../test/cookie-jar';

/** The bench only ever talks to this address. */
export const BENCH_HOST = '127.0.0.1';

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  readonly body: unknown;
}

/** One server-sent event as received, with the time its chunk arrived. */
export interface SseEvent {
  readonly type: string;
  readonly data: string;
  readonly id: string | undefined;
  /** performance.now() when the chunk holding the event's end arrived. */
  readonly at: number;
}

export interface EventStreamHandlers {
  onEvent(event: SseEvent): void;
  /** The stream ended or failed while it was not being closed by the bench. */
  onEnd(reason: string): void;
}

export interface EventStream {
  /** Resolves on the `ready` event; rejects on a refused request or a network error. */
  readonly ready: Promise<void>;
  close(): void;
}

/** Splits an SSE byte stream into events (comments and retry-only blocks are skipped). */
export class SseParser {
  private buffer = '';

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  push(chunk: string): void {
    const at = performance.now();
    this.buffer += chunk.includes('\r') ? chunk.replace(/\r\n?/g, '\n') : chunk;
    for (let end = this.buffer.indexOf('\n\n'); end !== -1; end = this.buffer.indexOf('\n\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let type = 'message';
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') type = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') id = value;
      }
      if (data.length > 0) this.onEvent({ type, data: data.join('\n'), id, at });
    }
  }
}

/** A failed request, kept to be printed. */
export class RequestError extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    readonly responseText: string,
  ) {
    super(`${what}: ${status === 0 ? 'no response' : `HTTP ${status}`} ${responseText}`);
  }
}

/** A browser-like client over node:http: keeps its cookies and sends the CSRF header on writes. */
export class BenchClient {
  readonly jar = new CookieJar();

  constructor(
    private readonly port: number,
    private readonly agent: http.Agent,
    private readonly streamAgent: http.Agent,
    private readonly timeoutMs = 60_000,
  ) {}

  async request(method: string, urlPath: string, body?: unknown): Promise<HttpResponse> {
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
    const cookie = this.jar.header(urlPath);
    if (cookie) headers.cookie = cookie;
    if (method !== 'GET') headers['x-csrf-token'] = this.jar.get('csrf') ?? '';
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const raw = await new Promise<{
      status: number;
      headers: http.IncomingHttpHeaders;
      text: string;
    }>((resolve, reject) => {
      const req = http.request(
        { host: BENCH_HOST, port: this.port, method, path: urlPath, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(this.timeoutMs, () => {
        req.destroy(new Error(`no response within ${this.timeoutMs} ms`));
      });
      req.on('error', reject);
      req.end(payload);
    }).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new RequestError(`${method} ${urlPath}`, 0, message);
    });
    this.jar.keep(raw.headers['set-cookie']);
    const isJson = raw.headers['content-type']?.includes('json') ?? false;
    let parsed: unknown = raw.text;
    if (isJson && raw.text) {
      try {
        parsed = JSON.parse(raw.text);
      } catch {
        parsed = raw.text;
      }
    }
    return { ...raw, body: parsed };
  }

  /** Sends a request and throws a RequestError unless it answers with `expected`. */
  async expect(
    expected: number,
    method: string,
    urlPath: string,
    body?: unknown,
  ): Promise<HttpResponse> {
    const response = await this.request(method, urlPath, body);
    if (response.status !== expected) {
      throw new RequestError(`${method} ${urlPath}`, response.status, response.text);
    }
    return response;
  }

  /** Signs this client up as a new teacher (a new address each run), its CSRF cookie first. */
  async signUpTeacher(): Promise<void> {
    await this.expect(200, 'GET', '/api/csrf');
    await this.expect(201, 'POST', '/api/auth/sign-up', {
      email: `bench-${randomBytes(4).toString('hex')}@example.com`,
      name: 'Bench Teacher',
      password: 'bench-password-0123',
    });
  }

  /** Opens GET `urlPath` as an event stream with this client's cookies. */
  openEventStream(
    urlPath: string,
    handlers: EventStreamHandlers,
    extraHeaders: Record<string, string> = {},
  ): EventStream {
    let isClosing = false;
    let isReady = false;
    let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
    const ready = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const fail = (error: Error) => {
      if (!isReady) settle?.reject(error);
      else if (!isClosing) handlers.onEnd(error.message);
    };
    const headers: http.OutgoingHttpHeaders = { accept: 'text/event-stream', ...extraHeaders };
    const cookie = this.jar.header(urlPath);
    if (cookie) headers.cookie = cookie;
    const parser = new SseParser((event) => {
      if (event.type === 'ready' && !isReady) {
        isReady = true;
        settle?.resolve();
      }
      handlers.onEvent(event);
    });
    const req = http.get(
      { host: BENCH_HOST, port: this.port, path: urlPath, headers, agent: this.streamAgent },
      (res) => {
        res.setEncoding('utf8');
        if (res.statusCode !== 200) {
          let text = '';
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            fail(new RequestError(`GET ${urlPath}`, res.statusCode ?? 0, text));
          });
          return;
        }
        res.on('data', (chunk: string) => {
          parser.push(chunk);
        });
        res.on('end', () => {
          fail(new Error(`GET ${urlPath}: the server ended the stream`));
        });
        res.on('error', (error) => {
          fail(error);
        });
      },
    );
    req.on('error', (error) => {
      if (!isClosing) fail(new RequestError(`GET ${urlPath}`, 0, error.message));
    });
    return {
      ready,
      close() {
        isClosing = true;
        req.destroy();
      },
    };
  }
}
