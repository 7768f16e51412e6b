import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { teacherStreamKey } from '../live/stream-limits';
import { countEveryAttempt } from '../plugins/rate-limits.plugin';
import { configuredBaseUrl } from '../services/password-reset';
import { acceptInvitation, checkInvitation } from '../services/invitations';
import { signUpClosedMessage } from '../services/sign-up-policy';
import { addRoute } from './contract-route';

/** Under /api/auth: who may sign up, and opening an account with an invitation. */
export const invitationRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { auth, config, db, limiters } = app;
  const limitSignIns = countEveryAttempt(limiters.signIn);

  addRoute(app, endpoints.signUpPolicy, () => ({
    isOpen: config.signUp.isOpen,
    domains: config.signUp.isOpen ? [] : [...config.signUp.domains],
    message: signUpClosedMessage(config.signUp.domains),
  }));

  addRoute(
    app,
    endpoints.checkInvitation,
    async ({ body }) => ({ email: await checkInvitation(db, body.token) }),
    limitSignIns,
  );

  addRoute(
    app,
    endpoints.acceptInvitation,
    async ({ body }, request, reply) => {
      const teacher = await acceptInvitation(db, config, body);
      await auth.signIn(request, reply, teacher);
      reply.status(201);
      return { teacher };
    },
    limitSignIns,
  );
  done();
};

/** Under /api/admin: administrators manage teacher accounts (everything else requireAdmin). */
export const adminRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { config } = app;
  const { teacherAdmin } = app.services;

  addRoute(app, endpoints.adminStatus, async ({ caller }) => ({
    isAdmin: await teacherAdmin.isAdmin(caller.teacher.id),
  }));

  addRoute(app, endpoints.teacherAccounts, ({ caller }) => teacherAdmin.list(caller.teacher));

  addRoute(app, endpoints.invite, async ({ body, caller }, request, reply) => {
    const made = await teacherAdmin.invite(
      caller.teacher,
      body.email,
      configuredBaseUrl(config),
      request.log,
    );
    reply.status(201);
    return made;
  });

  addRoute(app, endpoints.revokeInvitation, async ({ params }) => {
    await teacherAdmin.revoke(params.invitationId);
    return undefined;
  });

  addRoute(app, endpoints.disableTeacher, async ({ params, caller }) => {
    const teacher = await teacherAdmin.disable(caller.teacher, params.teacherId);
    // Their open live streams end too (those this process holds; others' next request is 401).
    app.streams.closeAllOf(teacherStreamKey(teacher.id));
    return { teacher };
  });

  addRoute(app, endpoints.enableTeacher, async ({ params }) => ({
    teacher: await teacherAdmin.enable(params.teacherId),
  }));

  addRoute(app, endpoints.setTeacherAdmin, async ({ params, body, caller }) => ({
    teacher: await teacherAdmin.setAdmin(caller.teacher, params.teacherId, body.isAdmin),
  }));

  addRoute(app, endpoints.transferTeacherWork, ({ params, body }) =>
    teacherAdmin.transfer(params.teacherId, body.toTeacherId),
  );
  done();
};
