import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { countEveryAttempt } from '../plugins/rate-limits.plugin';
import { RESET_LINK_MINUTES } from '../services/password-reset';
import { addRoute } from './contract-route';

const LINK_SENT = `If an account has this e-mail address, a link to set a new password is on its way to it. The link works once, for ${RESET_LINK_MINUTES} minutes; if the e-mail does not arrive, look in the spam folder.`;
const NO_EMAIL =
  'This server does not send e-mail. Ask the person who runs it for a link to set a new password: they can make one with the command “npm run admin -- reset-password” followed by your e-mail address.';

/** Under /api/auth: a new password for a teacher who forgot theirs. */
export const passwordResetRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { auth, limiters } = app;
  const { accounts } = app.services;

  addRoute(app, endpoints.passwordResetOptions, () => ({ isByEmail: accounts.sendsEmail }));

  const limitSignIns = countEveryAttempt(limiters.signIn);

  addRoute(
    app,
    endpoints.forgotPassword,
    async ({ body: { email } }, request, reply) => {
      await accounts.forgotPassword(email, request.log);
      if (!accounts.sendsEmail) {
        reply.status(200);
        return { isSentByEmail: false, message: NO_EMAIL };
      }
      reply.status(202);
      return { isSentByEmail: true, message: LINK_SENT };
    },
    countEveryAttempt(limiters.forgotPasswordByAddress),
  );

  addRoute(
    app,
    endpoints.checkResetLink,
    async ({ body: { token } }) => ({ email: (await accounts.checkResetLink(token)).email }),
    limitSignIns,
  );

  addRoute(
    app,
    endpoints.resetPassword,
    async ({ body }, request, reply) => {
      const teacher = await accounts.resetPassword(body.token, body.password);
      await auth.signIn(request, reply, teacher);
      return { teacher };
    },
    limitSignIns,
  );
  done();
};
