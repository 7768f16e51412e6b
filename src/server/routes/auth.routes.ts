import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { countEveryAttempt } from '../plugins/rate-limits.plugin';
import { SIGN_UP_SENT } from '../services/sign-up-by-email';
import { addRoute } from './contract-route';

/** Under /api/auth: teacher accounts. */
export const authRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { auth, limiters } = app;
  const { accounts, secondFactors } = app.services;

  const limitSignIns = countEveryAttempt(limiters.signIn);

  addRoute(
    app,
    endpoints.signUp,
    async ({ body }, request, reply) => {
      const signedUp = await accounts.signUp(body, request.log);
      if (signedUp === 'mailed') {
        reply.status(202);
        return { isSentByEmail: true as const, message: SIGN_UP_SENT };
      }
      await auth.signIn(request, reply, signedUp);
      reply.status(201);
      return { teacher: signedUp };
    },
    limitSignIns,
  );

  addRoute(
    app,
    endpoints.confirmSignUp,
    async ({ body }, request, reply) => {
      const teacher = await accounts.confirmSignUp(body.token);
      await auth.signIn(request, reply, teacher);
      reply.status(201);
      return { teacher };
    },
    limitSignIns,
  );

  addRoute(
    app,
    endpoints.signIn,
    async ({ body }, request, reply) => {
      const teacher = await accounts.signIn(request.ip, body.email, body.password);
      if (await secondFactors.isOn(teacher.id)) {
        // No sign-in cookie yet: the code comes first (POST /api/auth/sign-in/second-factor).
        reply.status(202);
        return {
          secondFactorRequired: true as const,
          pendingToken: await secondFactors.startSignIn(teacher),
        };
      }
      await auth.signIn(request, reply, teacher);
      return { teacher };
    },
    limitSignIns,
  );

  addRoute(app, endpoints.signOut, async (_input, request, reply) => {
    await auth.signOut(request, reply);
    return undefined;
  });

  addRoute(app, endpoints.me, ({ caller }) => ({ teacher: caller.teacher }));

  addRoute(app, endpoints.accountSignIn, ({ caller }) => accounts.signInOf(caller.teacher));

  addRoute(app, endpoints.signedIn, async (_input, request) => ({
    teacher: await auth.findTeacher(request),
  }));

  addRoute(
    app,
    endpoints.deleteAccount,
    async ({ body, caller }, request, reply) => {
      await accounts.delete(caller.teacher, body, request);
      await auth.signOut(request, reply);
      return undefined;
    },
    limitSignIns,
  );
  done();
};
