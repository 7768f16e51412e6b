import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { joinUrlFor } from '../lib/join-url';
import { addRoute } from './contract-route';

/** Under /api/sessions: what the classroom screen shows. */
export const projectorRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { config } = app;
  const { views } = app.services;

  addRoute(app, endpoints.projector, ({ caller: { session, lesson } }, request) =>
    views.projectorView(lesson, session, joinUrlFor(config, request, session.joinCode)),
  );
  done();
};
