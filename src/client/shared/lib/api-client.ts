import type { z } from 'zod';
import type { EndpointContract } from '../../../domain/live/api-endpoints';
import type { ApiErrorBody, ApiErrorCode } from '../../../domain/live/api-error';
import type { DeepReadonly } from '../../../domain/live/deep-readonly';

/**
 * The one place the client calls `fetch`: JSON in and out, same-origin cookies, the CSRF header
 * on writes, and typed errors so callers can branch on what went wrong.
 */

/** The server refused the request (a 4xx or 5xx answer), with the API's own explanation. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    /** The whole answer, for an error that says more than its code (a 422's problems). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** The request never got an answer: the device is offline or the server is out of reach. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(cause: unknown) {
    super('The server could not be reached. Check your connection.', { cause });
  }
}

/**
 * The server answered, but not in the shape its contract (api-endpoints.ts) names: most often a
 * server newer than this page. Nothing is guessed from such an answer.
 */
export class ResponseContractError extends Error {
  override readonly name = 'ResponseContractError';

  constructor(
    readonly endpoint: string,
    readonly problem: string,
  ) {
    super(
      'The server answered in a form this page does not understand. Reload the page to get the latest version.',
    );
  }
}

type Method = EndpointContract['method'];

const CSRF_COOKIE = 'csrf';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

async function send(method: Method, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { method, credentials: 'same-origin', ...init });
  } catch (error) {
    // fetch rejects only when no answer came back at all (offline, DNS, connection refused).
    throw new NetworkError(error);
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function toError(response: Response): Promise<ApiRequestError> {
  const body = await readBody(response).catch(() => undefined);
  if (isApiErrorBody(body)) {
    return new ApiRequestError(
      response.status,
      body.error.code,
      body.error.message,
      body.error.field,
      body,
    );
  }
  return new ApiRequestError(
    response.status,
    response.status >= 500 ? 'internal' : 'invalid_input',
    `The server answered with an error (${response.status}). Please try again.`,
  );
}

let pendingCsrfToken: Promise<string> | null = null;

/** The CSRF token: the cookie the server set, or a fresh one from GET /api/csrf. */
async function getCsrfToken(forceFresh = false): Promise<string> {
  const fromCookie = forceFresh ? null : readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  pendingCsrfToken ??= (async () => {
    try {
      const response = await send('GET', '/api/csrf', { headers: { accept: 'application/json' } });
      if (!response.ok) throw await toError(response);
      const body = await readBody(response);
      const token =
        typeof body === 'object' && body !== null && 'token' in body ? body.token : undefined;
      if (typeof token !== 'string') {
        throw new ApiRequestError(response.status, 'csrf_failed', 'No CSRF token was given.');
      }
      return token;
    } finally {
      pendingCsrfToken = null;
    }
  })();
  return pendingCsrfToken;
}

/**
 * Sends one request and returns the status and parsed body of a successful answer.
 * Throws ApiRequestError on a refused request and NetworkError when there was no answer.
 */
async function request(
  method: Method,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const isWrite = method !== 'GET';
  const attempt = async (forceFreshToken: boolean): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (isWrite) headers['x-csrf-token'] = await getCsrfToken(forceFreshToken);
    return send(method, path, {
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
  };
  let response = await attempt(false);
  if (isWrite && response.status === 403) {
    // A stale CSRF cookie (it rotated, or expired): fetch a fresh one and try once more.
    const error = await toError(response.clone());
    if (error.code === 'csrf_failed') response = await attempt(true);
  }
  if (!response.ok) throw await toError(response);
  return { status: response.status, body: await readBody(response) };
}

type InputOf<S> = S extends z.ZodType ? DeepReadonly<z.input<S>> : never;

/** What a call sends: the path parameters, query and body its contract declares, no more. */
export type CallInput<E extends EndpointContract> = (E extends { readonly params: infer P }
  ? { readonly params: InputOf<P> }
  : unknown) &
  (E extends { readonly query: infer Q } ? { readonly query: InputOf<Q> } : unknown) &
  (E extends { readonly body: infer B } ? { readonly body: InputOf<B> } : unknown);

type AnswerOf<A> = A extends z.ZodType ? DeepReadonly<z.output<A>> : undefined;

/** What a call resolves to: the answer parsed by its contract's schema (undefined for 204). */
export type CallResult<E extends EndpointContract> = AnswerOf<E['responses'][keyof E['responses']]>;

type CallArgs<E extends EndpointContract> = keyof CallInput<E> extends never
  ? []
  : [input: CallInput<E>];

const isSchema = (answer: unknown): answer is z.ZodType =>
  typeof answer === 'object' && answer !== null && 'safeParse' in answer;

/** The endpoint's path with its parameters filled in: `/api/sessions/:id` → `/api/sessions/abc`. */
export function endpointPath(
  endpoint: EndpointContract,
  params: Readonly<Record<string, string>> = {},
  query: Readonly<Record<string, string | undefined>> = {},
): string {
  const path = endpoint.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.path} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) search.set(key, value);
  }
  return search.size > 0 ? `${path}?${search.toString()}` : path;
}

/**
 * Calls an endpoint of the contract (src/domain/live/api-endpoints.ts) and parses its answer
 * with the contract's schema, so a page never works from an answer it misread.
 * Throws ApiRequestError on a refused request, NetworkError when there was no answer and
 * ResponseContractError when the answer breaks its contract.
 */
export async function callEndpoint<E extends EndpointContract>(
  endpoint: E,
  ...args: CallArgs<E>
): Promise<CallResult<E>> {
  const input = (args[0] ?? {}) as {
    params?: Record<string, string>;
    query?: Record<string, string | undefined>;
    body?: unknown;
  };
  const path = endpointPath(endpoint, input.params, input.query);
  const answer = await request(endpoint.method, path, input.body);
  const name = `${endpoint.method} ${endpoint.path}`;
  if (!(answer.status in endpoint.responses)) {
    throw new ResponseContractError(name, `unexpected status ${answer.status}`);
  }
  const schema = endpoint.responses[answer.status];
  if (!isSchema(schema)) return undefined as CallResult<E>;
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ResponseContractError(
      name,
      `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data as CallResult<E>;
}

/** A message a person can read for any error an API call can throw. */
export function describeApiError(error: unknown): string {
  if (
    error instanceof ApiRequestError ||
    error instanceof NetworkError ||
    error instanceof ResponseContractError
  ) {
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}

/** True when the error is the API answering with one of the given codes. */
export function isApiError(error: unknown, ...codes: ApiErrorCode[]): error is ApiRequestError {
  return error instanceof ApiRequestError && (codes.length === 0 || codes.includes(error.code));
}
