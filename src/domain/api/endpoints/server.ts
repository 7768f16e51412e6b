import { z } from 'zod';
import type { EndpointContract } from './contract';

/** The server itself: is it up, the token writes echo, and how long it keeps data. */
export const serverEndpoints = {
  health: {
    method: 'GET',
    path: '/api/health',
    caller: 'anyone',
    summary: 'The server is up and its database answers.',
    responses: {
      200: z.object({ status: z.literal('ok'), storage: z.enum(['pglite', 'postgres']) }),
    },
  },
  dataPolicy: {
    method: 'GET',
    path: '/api/data-policy',
    caller: 'anyone',
    summary:
      'How long this server keeps data (RETENTION_DAYS, IDLE_SESSION_HOURS), as its privacy pages state it.',
    responses: {
      200: z.object({
        /** Days after its end that a session is deleted with its students' data. */
        retentionDays: z.number().int().positive(),
        /** Hours without activity after which an open session ends; null: it never does. */
        idleSessionHours: z.number().int().positive().nullable(),
      }),
    },
  },
  csrfToken: {
    method: 'GET',
    path: '/api/csrf',
    caller: 'anyone',
    summary: 'The token to echo in x-csrf-token on writes (also in the csrf cookie).',
    responses: { 200: z.object({ token: z.string() }) },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;
