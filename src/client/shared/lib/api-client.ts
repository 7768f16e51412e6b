import type { ApiErrorBody, ApiErrorCode } from '../../../domain/live/api-error';

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

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

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
 * Calls the API and returns its JSON answer. The answer is typed by the caller from the shared
 * contract (src/domain/live): the server validates what it sends against the same types.
 * Throws ApiRequestError on a refused request and NetworkError when there was no answer.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
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
  return (await readBody(response)) as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** A message a person can read for any error an API call can throw. */
export function describeApiError(error: unknown): string {
  if (error instanceof ApiRequestError || error instanceof NetworkError) return error.message;
  return 'Something went wrong. Please try again.';
}

/** True when the error is the API answering with one of the given codes. */
export function isApiError(error: unknown, ...codes: ApiErrorCode[]): error is ApiRequestError {
  return error instanceof ApiRequestError && (codes.length === 0 || codes.includes(error.code));
}
