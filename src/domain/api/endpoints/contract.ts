import type { z } from 'zod';

/** Who may call an endpoint; `owner` is the teacher whose session it is, `admin` an administrator. */
export type Caller = 'anyone' | 'teacher' | 'admin' | 'owner' | 'student' | 'owner or student';

/** An answer that is not JSON: an image, a file or an event stream. */
export interface NonJsonAnswer {
  readonly contentType: string;
}

/** A JSON answer's schema, `null` for an empty answer (204), or a non-JSON answer. */
export type EndpointAnswer = z.ZodType | null | NonJsonAnswer;

export interface EndpointContract {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify's pattern: `:name` for each path parameter. */
  readonly path: string;
  readonly caller: Caller;
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The answer for each success status. */
  readonly responses: Readonly<Record<number, EndpointAnswer>>;
}
