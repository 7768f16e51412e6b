import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiErrorBody } from '#domain/api/errors';
import type { Answer } from '#domain/lesson/answers';
import type { JoinResponse, SessionMode, TeacherSessionView } from '#domain/api/live-contracts';
import { CookieJar } from './cookie-jar';
import { EventStreamReader } from './event-stream-reader';

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
  constructor(
    readonly baseUrl: string,
    /** Shared with another client of the same browser (an LTI launch's form posts). */
    private readonly cookies = new CookieJar(),
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request<T = unknown>(
    method: string,
    urlPath: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
    /** A body sent as it is, e.g. JSON that JSON.stringify could not make. */
    rawBody?: string,
  ): Promise<ApiResponse<T>> {
    if (method !== 'GET' && this.cookies.get('csrf') === undefined)
      await this.request('GET', '/api/csrf');
    const headers: Record<string, string> = { ...extraHeaders };
    const cookie = this.cookies.header(urlPath);
    if (cookie) headers.cookie = cookie;
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('csrf') ?? '';
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
    this.cookies.keep(response.headers.getSetCookie());
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
    const cookie = this.cookies.header(urlPath);
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      headers: cookie ? { cookie } : {},
    });
    this.cookies.keep(response.headers.getSetCookie());
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
    if (this.cookies.get('csrf') === undefined) await this.request('GET', '/api/csrf');
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-csrf-token': this.cookies.get('csrf') ?? '',
    };
    const cookie = this.cookies.header(urlPath);
    if (cookie) headers.cookie = cookie;
    const response = await fetch(`${this.baseUrl}${urlPath}`, { method, headers, body: rawBody });
    this.cookies.keep(response.headers.getSetCookie());
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
    const cookie = this.cookies.header(urlPath);
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

/** A joined student's client and what the join answered. */
interface JoinedStudent {
  readonly student: ApiClient;
  readonly joined: JoinResponse;
}

/** A student's client that has joined with the code, and what the join answered. */
export async function joinAs(
  baseUrl: string,
  code: string,
  displayName: string,
  options: { asNewNamesake?: boolean } = {},
): Promise<JoinedStudent> {
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

/** Sends a student's answer to one item (as revision 1 unless told), which must be taken. */
export async function submitAnswer(
  student: ApiClient,
  base: string,
  itemId: string,
  answer: Answer,
  revision = 1,
): Promise<void> {
  const ack = await student.put(`${base}/answers/${itemId}`, {
    submissionId: randomUUID(),
    revision,
    answer,
  });
  expect(ack.status, JSON.stringify(ack.body)).toBe(200);
}

/**
 * A newly signed-up teacher's session that the named students joined, one after another: the
 * teacher's client and view, the session's API path and join code, and each student's client and
 * join answer in the order named. The session runs the built-in lesson unless `lessonOf` gives
 * the id of another (which the teacher may first publish).
 */
export async function classJoinedBy<const Names extends readonly string[]>(
  baseUrl: string,
  mode: SessionMode,
  names: Names,
  options: { lessonOf?: (teacher: ApiClient) => Promise<string> } = {},
): Promise<{
  teacher: ApiClient;
  view: TeacherSessionView;
  base: string;
  code: string;
  students: { [K in keyof Names]: JoinedStudent };
}> {
  const teacher = await signUpTeacher(baseUrl);
  const view = await createLiveSession(teacher, mode, await options.lessonOf?.(teacher));
  const code = view.session.joinCode;
  const students: JoinedStudent[] = [];
  for (const name of names) students.push(await joinAs(baseUrl, code, name));
  return {
    teacher,
    view,
    base: `/api/sessions/${view.session.id}`,
    code,
    students: students as { [K in keyof Names]: JoinedStudent },
  };
}

/** A teacher's self-paced session that Ana and Ben joined: their clients and participant ids. */
export async function classOfAnaAndBen(baseUrl: string) {
  const { teacher, view, base, students } = await classJoinedBy(baseUrl, 'self-paced', [
    'Ana',
    'Ben',
  ]);
  const [ana, ben] = students;
  return {
    teacher,
    view,
    base,
    ana,
    ben,
    anaId: ana.joined.participant.id,
    benId: ben.joined.participant.id,
  };
}
