import type { z } from 'zod';
import type { EndpointContract } from '#domain/api/endpoints';
import type { DeepReadonly } from '#domain/live/deep-readonly';
import {
  ApiRequestError,
  endpointPath,
  isApiError,
  ResponseContractError,
  sendRequest,
  type Method,
} from './api-client';

/**
 * Calls the API by its contract (src/domain/api/endpoints.ts): typed input, the CSRF header
 * on writes, and the answer parsed with the contract's schema. It loads zod with the schemas, so
 * only the lazily loaded live and teacher pages use it.
 */

/** The server names it `__Host-csrf` over HTTPS and `csrf` over plain HTTP. */
const CSRF_COOKIES = ['__Host-csrf', 'csrf'] as const;

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

let pendingCsrfToken: Promise<string> | null = null;

/** The CSRF token: the cookie the server set, or a fresh one from GET /api/csrf. */
async function getCsrfToken(forceFresh = false): Promise<string> {
  const fromCookie = forceFresh
    ? null
    : CSRF_COOKIES.map((name) => readCookie(name)).find((value) => value !== null);
  if (fromCookie) return fromCookie;
  pendingCsrfToken ??= (async () => {
    try {
      const { status, body } = await sendRequest('GET', '/api/csrf');
      const token =
        typeof body === 'object' && body !== null && 'token' in body ? body.token : undefined;
      if (typeof token !== 'string') {
        throw new ApiRequestError(status, 'csrf_failed', 'No CSRF token was given.');
      }
      return token;
    } finally {
      pendingCsrfToken = null;
    }
  })();
  return pendingCsrfToken;
}

/**
 * Sends one request and returns the status and parsed body of a successful answer, with the
 * CSRF token on a write. Throws ApiRequestError on a refused request and NetworkError when there
 * was no answer.
 */
async function request(
  method: Method,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  if (method === 'GET') return sendRequest(method, path, { body });
  const attempt = async (forceFreshToken: boolean) =>
    sendRequest(method, path, {
      body,
      headers: { 'x-csrf-token': await getCsrfToken(forceFreshToken) },
    });
  try {
    return await attempt(false);
  } catch (error) {
    // A stale CSRF cookie (it rotated, or expired): fetch a fresh one and try once more.
    if (isApiError(error, 'csrf_failed') && error.status === 403) return attempt(true);
    throw error;
  }
}

/**
 * Sends a write to an endpoint (with the CSRF token) and returns its JSON answer as it came,
 * unparsed: for the join page, which must not load the contract's schemas (zod) and checks the
 * answer itself. Name the endpoint with a type taken from the contract, as for
 * callEndpointUnparsed (api-client.ts).
 */
export async function sendWriteUnparsed(
  endpoint: Pick<EndpointContract, 'path'> & { readonly method: Exclude<Method, 'GET'> },
  body: unknown,
): Promise<unknown> {
  return (await request(endpoint.method, endpointPath(endpoint), body)).body;
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

/**
 * Calls an endpoint of the contract (src/domain/api/endpoints.ts) and parses its answer
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
