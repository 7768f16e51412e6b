import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { joinUrlFor } from '../lib/join-url';
import { addRoute } from './contract-route';

/** Under /api/sessions: the teacher reveals what happened, and forecasts are scored. */
export const outcomesRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { config } = app;
  const { classSessions, views } = app.services;

  addRoute(
    app,
    endpoints.revealOutcomes,
    async ({ body, caller: { session, lesson } }, request) => {
      await classSessions.revealOutcomes(session, lesson, body.itemId, body.outcomes);
      return views.teacherView(lesson, session, joinUrlFor(config, request, session.joinCode));
    },
  );
  done();
};
