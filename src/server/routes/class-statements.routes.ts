import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { statementsItemOf } from '../services/class-statements';
import { addRoute } from './contract-route';

/** Under /api/sessions: class statements, their votes and the opinion map. */
export const classStatementRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { lessons, limiters } = app;
  const { statements } = app.services;

  addRoute(app, endpoints.studentStatements, async ({ params, query, caller }) => {
    const { lesson } = await lessons.ofSession(caller.session);
    const item = statementsItemOf(lesson, params.itemId);
    return statements.studentView(caller.session, item, caller.participant.id, query.offered);
  });

  addRoute(app, endpoints.addStatement, async ({ params, query, body, caller }) => {
    const { session, participant } = caller;
    limiters.statements.take(participant.id);
    const { lesson } = await lessons.ofSession(session);
    const item = statementsItemOf(lesson, params.itemId);
    await statements.add(lesson, session, item, participant.id, body.text);
    return statements.studentView(session, item, participant.id, query.offered);
  });

  addRoute(app, endpoints.voteOnStatement, async ({ params, body, caller }) => {
    const { session, participant } = caller;
    limiters.answer.take(participant.id);
    const { lesson } = await lessons.ofSession(session);
    const item = statementsItemOf(lesson, params.itemId);
    await statements.vote(lesson, session, item, {
      statementId: params.statementId,
      participantId: participant.id,
      vote: body.vote,
    });
    return statements.studentView(session, item, participant.id);
  });

  addRoute(app, endpoints.teacherStatements, async ({ params, caller }) =>
    statements.teacherView(caller.session, statementsItemOf(caller.lesson, params.itemId)),
  );

  addRoute(app, endpoints.moderateStatement, async ({ params, body, caller }) => {
    const { session, lesson } = caller;
    const item = statementsItemOf(lesson, params.itemId);
    await statements.moderate(session, item, params.statementId, body.status);
    return statements.teacherView(session, item);
  });
  done();
};
