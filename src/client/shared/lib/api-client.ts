import type { EndpointContract } from '#domain/api/endpoints';
import type { ApiErrorBody, ApiErrorCode } from '#domain/api/errors';

/**
 * The one place the client calls `fetch`: JSON in and out, same-origin cookies, and typed errors
 * so callers can branch on what went wrong. Calls by the contract, with their CSRF header on
 * writes and their answer parsed, are in call-endpoint.ts: this module is part of the student's
 * first download, and keeps to what self-study needs.
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

export type Method = EndpointContract['method'];

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

/**
 * Sends one request (its body as JSON) and returns the status and parsed body of a successful
 * answer. Throws ApiRequestError on a refused request and NetworkError when there was no answer.
 */
export async function sendRequest(
  method: Method,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Readonly<Record<string, string>> } = {},
): Promise<{ status: number; body: unknown }> {
  const allHeaders: Record<string, string> = { accept: 'application/json', ...headers };
  if (body !== undefined) allHeaders['content-type'] = 'application/json';
  const response = await send(method, path, {
    headers: allHeaders,
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw await toError(response);
  return { status: response.status, body: await readBody(response) };
}

/** The endpoint's path with its parameters filled in: `/api/sessions/:id` → `/api/sessions/abc`. */
export function endpointPath(
  endpoint: Pick<EndpointContract, 'path'>,
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
 * Calls a GET endpoint and returns its JSON answer as it came, unparsed: for the student's first
 * screen, which must not load the contract's schemas (zod) and checks the answer itself. Name
 * the endpoint with a type taken from the contract, e.g.
 * `Pick<(typeof endpoints)['sharedLesson'], 'method' | 'path'>`, so its path cannot drift.
 * Throws ApiRequestError and NetworkError as callEndpoint does.
 */
export async function callEndpointUnparsed(
  endpoint: Pick<EndpointContract, 'path'> & { readonly method: 'GET' },
  params: Readonly<Record<string, string>> = {},
): Promise<unknown> {
  return (await sendRequest(endpoint.method, endpointPath(endpoint, params))).body;
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
