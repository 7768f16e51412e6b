import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from './contract-route';
import { sendAttachment } from './send-attachment';
import { teacherActor } from '../services/audit-trail';
import { forecastsCsv } from '../services/forecast-csv';

/** Under /api/classes: a teacher's classes and a class's forecasts page (issue 26). */
export const classRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { classes, forecasts } = app.services;

  addRoute(app, endpoints.listClasses, async ({ caller: { teacher } }) => ({
    classes: await classes.list(teacher.id),
  }));

  addRoute(app, endpoints.createClass, ({ body, caller: { teacher } }) =>
    classes.create(teacher.id, body.name),
  );

  addRoute(app, endpoints.renameClass, ({ params, body, caller: { teacher } }) =>
    classes.rename(teacher.id, params.classId, body.name),
  );

  addRoute(app, endpoints.deleteClass, async ({ params, caller: { teacher } }) => {
    await classes.delete(teacher.id, params.classId);
    return undefined;
  });

  addRoute(app, endpoints.classForecasts, async ({ params, caller: { teacher } }) => {
    const found = await classes.withSessions(teacher.id, params.classId);
    return forecasts.teacherView(found.sessions, {
      kind: 'class',
      classId: found.class.id,
      name: found.class.name,
    });
  });
  done();
};

/** Under /api/sessions: a session's forecasts, for its teacher and its students (issue 26). */
export const forecastSessionRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { limiters } = app;
  const { audit, classes, forecasts } = app.services;

  addRoute(app, endpoints.setSessionClass, async ({ body, caller: { session } }) => {
    await classes.setSessionClass(session, body.classId);
    return undefined;
  });

  addRoute(app, endpoints.sessionForecasts, ({ caller: { session } }) =>
    forecasts.teacherView([session], { kind: 'session', sessionId: session.id }),
  );

  addRoute(app, endpoints.setForecastCloseDate, ({ params, body, caller: { session } }) =>
    forecasts.setCloseDate(session, params.itemId, body),
  );

  addRoute(app, endpoints.resolveForecast, ({ params, body, caller: { session } }) =>
    forecasts.resolve(session, params.itemId, body),
  );

  addRoute(app, endpoints.setForecastTeams, async ({ body, caller: { session } }) => ({
    teams: await forecasts.setTeams(session, body.teams),
  }));

  addRoute(app, endpoints.setLeaderboardMode, async ({ body, caller: { session } }) => ({
    mode: await forecasts.setLeaderboard(session, body.mode),
  }));

  addRoute(
    app,
    endpoints.forecastsCsv,
    async ({ caller: { session, teacher } }, request, reply) => {
      const body = forecastsCsv(await forecasts.board([session]));
      await audit.record({
        actor: teacherActor(teacher),
        action: 'exported_session',
        sessionId: session.id,
        request,
        detail: 'forecasts.csv',
      });
      return sendAttachment(reply, {
        contentType: 'text/csv; charset=utf-8',
        fileName: `session-${session.joinCode}-forecasts.csv`,
        body,
      });
    },
  );

  addRoute(app, endpoints.myForecasts, ({ caller: { session, participant } }) =>
    forecasts.studentView(session, participant),
  );

  addRoute(app, endpoints.updateMyForecast, ({ params, body, caller }) => {
    // Counted with the student's answers: one limit for everything they send.
    limiters.answer.take(caller.participant.id);
    return forecasts.update(caller.session, caller.participant, params.itemId, body);
  });

  addRoute(app, endpoints.setMyLeaderboardOptIn, async ({ body, caller: { participant } }) => ({
    optIn: await forecasts.setOptIn(participant, body.optIn),
  }));
  done();
};

/** Under /api/forecasts: the teacher's due list, and a student's way back (issue 26). */
export const forecastRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { auth } = app;
  const { classes, forecastSignIn } = app.services;

  addRoute(app, endpoints.dueForecasts, ({ caller: { teacher } }) => classes.due(teacher.id));

  addRoute(app, endpoints.forecastSignIn, async ({ body }, request, reply) => {
    const { session, participant, token } = await forecastSignIn.signIn(request.ip, body);
    auth.setParticipantCookie(request, reply, session.id, token);
    return { sessionId: session.id, participant };
  });
  done();
};
