import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Lesson } from '#domain/lesson/lesson-schema';
import type { Caller, EndpointAnswer, EndpointContract } from '#domain/api/endpoints';
import type { DeepReadonly } from '#domain/live/deep-readonly';
import type { Teacher } from '#domain/api/live-contracts';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import type { ParticipantRecord } from '../repositories/participants.repository';

/** A session its signed-in teacher acts on, with its lesson. */
export interface OwnedSession {
  readonly teacher: Teacher;
  readonly session: ClassSessionRecord;
  readonly lesson: Lesson;
}

/** A student acting in the session they joined. */
export interface JoinedStudent {
  readonly participant: ParticipantRecord;
  readonly session: ClassSessionRecord;
}

/** Who the contract says may call the route, once the server has checked it. */
type CallerOf<C extends Caller> = C extends 'owner'
  ? OwnedSession
  : C extends 'teacher' | 'admin'
    ? { readonly teacher: Teacher }
    : C extends 'student'
      ? JoinedStudent
      : Record<string, never>;

type Parsed<E, K extends 'params' | 'query' | 'body'> = E extends { readonly [P in K]: infer S }
  ? S extends z.ZodType
    ? z.output<S>
    : undefined
  : undefined;

type AnswerOf<A> = A extends z.ZodType
  ? DeepReadonly<z.input<A>>
  : A extends null
    ? undefined
    : FastifyReply;

export interface RouteInput<E extends EndpointContract> {
  readonly params: Parsed<E, 'params'>;
  readonly query: Parsed<E, 'query'>;
  readonly body: Parsed<E, 'body'>;
  readonly caller: CallerOf<E['caller']>;
}

/** What a route's handler gives back: the body its contract names, or the reply it answered on. */
export type RouteResult<E extends EndpointContract> = AnswerOf<
  E['responses'][keyof E['responses']]
>;

export type RouteHandler<E extends EndpointContract> = (
  input: RouteInput<E>,
  request: FastifyRequest,
  reply: FastifyReply,
) => RouteResult<E> | Promise<RouteResult<E>>;

const isSchema = (answer: EndpointAnswer): answer is z.ZodType =>
  answer !== null && 'safeParse' in answer;

async function identifyCaller(
  app: FastifyInstance,
  caller: Caller,
  request: FastifyRequest,
): Promise<unknown> {
  const sessionId = (request.params as { id?: string }).id ?? '';
  switch (caller) {
    case 'owner': {
      const { teacher, session } = await app.auth.requireOwnedSession(request, sessionId);
      return { teacher, session, lesson: (await app.lessons.ofSession(session)).lesson };
    }
    case 'teacher':
      return { teacher: await app.auth.requireTeacher(request) };
    case 'admin':
      return { teacher: await app.auth.requireAdmin(request) };
    case 'student':
      return app.auth.requireParticipant(request, sessionId);
    case 'anyone':
    case 'owner or student':
      // The route tells the two apart itself (the event stream serves both).
      return {};
  }
}

/**
 * Registers a route from its contract (src/domain/api/endpoints.ts): the path (under the
 * plugin's prefix), the schemas Fastify validates and serialises with, and the caller check,
 * so a handler only does its own work. The request is validated first (after any
 * `beforeValidation` limit), then the caller checked.
 */
export function addRoute<E extends EndpointContract>(
  app: FastifyInstance,
  endpoint: E,
  handler: RouteHandler<E>,
  options: {
    /**
     * Runs before the request is validated: a rate limit that counts every attempt, valid or
     * not, so malformed requests cannot probe for free.
     */
    readonly beforeValidation?: (request: FastifyRequest) => void;
    /** A larger body than the app's default allows (a lesson, an imported file). */
    readonly bodyLimit?: number;
  } = {},
): void {
  if (!endpoint.path.startsWith(app.prefix)) {
    throw new Error(`${endpoint.path} cannot be registered under the prefix ${app.prefix}`);
  }
  const statuses = Object.keys(endpoint.responses).map(Number);
  const response = Object.fromEntries(
    Object.entries(endpoint.responses).flatMap(([status, answer]) =>
      isSchema(answer) ? [[status, answer]] : [],
    ),
  );
  app.route({
    method: endpoint.method,
    url: endpoint.path.slice(app.prefix.length),
    schema: {
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response,
    },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.beforeValidation
      ? {
          preValidation: (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
            options.beforeValidation?.(request);
            done();
          },
        }
      : {}),
    handler: async (request, reply) => {
      const caller = await identifyCaller(app, endpoint.caller, request);
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        caller,
      } as RouteInput<E>;
      const result: unknown = await handler(input, request, reply);
      // A file or an event stream: the handler answered on the reply itself.
      if (result === reply || reply.sent) return reply;
      if (!statuses.includes(reply.statusCode)) reply.status(statuses[0]!);
      return endpoint.responses[reply.statusCode] === null ? reply.send() : reply.send(result);
    },
  });
}
