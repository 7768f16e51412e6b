import type { endpoints } from '#domain/api/endpoints';
import type {
  JoinLookupResponse,
  JoinRequest,
  RejoinRequest,
  SessionStatus,
} from '#domain/api/live-contracts';
import { callEndpointUnparsed, ResponseContractError } from '#shared/lib/api-client';
import { sendWriteUnparsed } from '#shared/lib/call-endpoint';

/**
 * Joining a class, as /join does it: without TanStack Query and the contract's zod schemas,
 * which would double what a student downloads before they can type the code. The answers are
 * checked field by field, as far as the page reads them.
 */

type Endpoints = typeof endpoints;
/** The contract's own methods and paths: the type checker refuses any other. */
const lookUpEndpoint: Pick<Endpoints['lookUpJoinCode'], 'method' | 'path'> = {
  method: 'GET',
  path: '/api/join/:code',
};
const joinEndpoint: Pick<Endpoints['join'], 'method' | 'path'> = {
  method: 'POST',
  path: '/api/join',
};
const rejoinEndpoint: Pick<Endpoints['rejoin'], 'method' | 'path'> = {
  method: 'POST',
  path: '/api/rejoin',
};

// The contract's statuses (SESSION_STATUSES), without loading the module that defines them.
const STATUSES = ['open', 'ended'] as const satisfies readonly SessionStatus[];

/** The answer, when it is an object with each of `fields` as text; else ResponseContractError. */
export function withTextFields<Field extends string>(
  name: string,
  body: unknown,
  fields: readonly Field[],
): Record<Field, string> {
  for (const field of fields) {
    const value: unknown =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : null;
    if (typeof value !== 'string') {
      throw new ResponseContractError(name, `${field}: expected text`);
    }
  }
  return body as Record<Field, string>;
}

/** Which session a complete join code opens, shown before the student gives a name. */
export async function lookUpJoinCode(
  code: string,
): Promise<Pick<JoinLookupResponse, 'lessonTitle' | 'status'>> {
  const body = await callEndpointUnparsed(lookUpEndpoint, { code });
  const name = `GET ${lookUpEndpoint.path}`;
  const { lessonTitle, status } = withTextFields(name, body, ['lessonTitle', 'status']);
  const known = STATUSES.find((known) => known === status);
  if (!known) throw new ResponseContractError(name, `status: unknown "${status}"`);
  return { lessonTitle, status: known };
}

/** Joins with a code and a name; the answer names the session to open. */
export async function joinSession(request: JoinRequest): Promise<{ sessionId: string }> {
  const body = await sendWriteUnparsed(joinEndpoint, request);
  return withTextFields(`POST ${joinEndpoint.path}`, body, ['sessionId']);
}

/** Back into a session on this device as the student who joined before, with every answer. */
export async function rejoinSession(request: RejoinRequest): Promise<{ sessionId: string }> {
  const body = await sendWriteUnparsed(rejoinEndpoint, request);
  return withTextFields(`POST ${rejoinEndpoint.path}`, body, ['sessionId']);
}
