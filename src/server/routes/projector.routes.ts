import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from '../lib/contract-route';
import { joinUrlFor } from '../lib/join-url';
import { buildProjectorView } from '../live/session-views';
import { WallKeys } from '../live/wall-keys';

/** Under /api/sessions: what the classroom screen shows. */
export const projectorRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, config } = app;
  const wallKeys = new WallKeys(config.cookieSecret);

  addRoute(app, endpoints.projector, async ({ caller: { session, lesson } }, request) =>
    buildProjectorView(
      db,
      lesson,
      session,
      joinUrlFor(config, request, session.joinCode),
      await wallKeys.forSession(db, session),
    ),
  );
  done();
};
