import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { joinUrlFor } from '../lib/join-url';
import { addRoute } from './contract-route';

/** Under /api/sessions: the response wall as its teacher moderates it, and its themes. */
export const wallRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { config } = app;
  const { wall, classSessions } = app.services;

  addRoute(app, endpoints.wallResponses, async ({ query, caller: { session, lesson } }) => ({
    responses: await wall.teacherResponses(lesson, session, {
      itemId: query.itemId,
      search: query.q,
    }),
    wallIdentity: session.wallIdentity,
  }));

  addRoute(app, endpoints.moderateResponse, ({ params, body, caller: { session, lesson } }) =>
    wall.moderate(lesson, session, params, body),
  );

  addRoute(app, endpoints.sessionSettings, async ({ body, caller }, request) => {
    const { session, lesson } = caller;
    if (body.wallIdentity !== undefined) await wall.setIdentity(session, body.wallIdentity);
    if (body.keepOpen !== undefined) await classSessions.setKeepOpen(session, body.keepOpen);
    if (body.namesHiddenFromTeacher) await wall.hideNamesFromTeacher(session);
    return classSessions.teacherView(session.id, lesson, (code) =>
      joinUrlFor(config, request, code),
    );
  });

  addRoute(app, endpoints.themes, ({ query: { sectionId }, caller: { session, lesson } }) =>
    wall.themes(lesson, session, sectionId),
  );
  done();
};
