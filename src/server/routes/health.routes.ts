import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps';

export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/health', async () => {
    await deps.db.query('SELECT 1');
    return { status: 'ok', storage: deps.db.kind };
  });

  /** The token to echo in x-csrf-token on writes (also readable from the csrf cookie). */
  app.get('/api/csrf', (request, reply) => reply.send({ token: request.csrfToken }));
}
