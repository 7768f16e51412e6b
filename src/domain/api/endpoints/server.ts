import { z } from 'zod';
import type { EndpointContract } from './contract';

/** The server itself: is it up, and the token writes echo. */
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
  csrfToken: {
    method: 'GET',
    path: '/api/csrf',
    caller: 'anyone',
    summary: 'The token to echo in x-csrf-token on writes (also in the csrf cookie).',
    responses: { 200: z.object({ token: z.string() }) },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;
