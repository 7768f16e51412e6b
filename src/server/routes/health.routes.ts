import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from './contract-route';

/** Under /api: whether the server is up, its data policy, and the CSRF token for writes. */
export const healthRoutes: FastifyPluginCallback = (app, _options, done) => {
  addRoute(app, endpoints.health, async () => {
    await app.db.query('SELECT 1');
    return { status: 'ok' as const, storage: app.db.kind };
  });

  // The privacy pages print these, so they state this server's settings, not the defaults.
  addRoute(app, endpoints.dataPolicy, () => ({
    retentionDays: app.config.retentionDays,
    idleSessionHours: app.config.idleSessionHours,
  }));

  addRoute(app, endpoints.csrfToken, (_input, request) => ({
    token: request.csrfToken ?? '',
  }));
  done();
};
