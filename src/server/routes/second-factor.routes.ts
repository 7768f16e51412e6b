import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { countEveryAttempt } from '../plugins/rate-limits.plugin';
import { addRoute } from './contract-route';

/** Under /api/auth: the TOTP second factor of password sign-ins. */
export const secondFactorRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { auth, limiters } = app;
  const { secondFactors } = app.services;
  const limitSignIns = countEveryAttempt(limiters.signIn);

  addRoute(
    app,
    endpoints.secondFactorSignIn,
    async ({ body }, request, reply) => {
      const teacher = await secondFactors.finishSignIn(request.ip, body.pendingToken, body.code);
      await auth.signIn(request, reply, teacher);
      return { teacher };
    },
    limitSignIns,
  );

  addRoute(app, endpoints.secondFactor, ({ caller }) => secondFactors.status(caller.teacher));

  addRoute(app, endpoints.enrolSecondFactor, ({ caller }) => secondFactors.enrol(caller.teacher));

  addRoute(
    app,
    endpoints.confirmSecondFactor,
    async ({ body, caller }, request) => ({
      recoveryCodes: await secondFactors.confirm(caller.teacher, request.ip, body.code),
    }),
    limitSignIns,
  );

  addRoute(
    app,
    endpoints.turnOffSecondFactor,
    async ({ body, caller }, request) => {
      await secondFactors.turnOff(caller.teacher, request.ip, body.password, body.code);
      return undefined;
    },
    limitSignIns,
  );
  done();
};
