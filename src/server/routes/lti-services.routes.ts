import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from './contract-route';

/** Under /api/sessions: a session opened from an LMS: its grades sent back, its class list. */
export const ltiServiceRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { ltiGrades, ltiRoster } = app.services;

  addRoute(app, endpoints.ltiGrades, ({ caller: { session } }) => ltiGrades.teacherView(session));

  addRoute(app, endpoints.retryLtiGrades, ({ body, caller: { session } }) =>
    ltiGrades.retry(session, body.participantId ?? null),
  );

  addRoute(app, endpoints.ltiRoster, ({ caller: { session } }) => ltiRoster.view(session));

  addRoute(app, endpoints.refreshLtiRoster, ({ caller: { session } }) =>
    ltiRoster.refresh(session),
  );
  done();
};
