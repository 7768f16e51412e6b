import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from '../lib/contract-route';
import { countEveryAttempt } from '../plugins/rate-limits.plugin';
import {
  configuredBaseUrl,
  createPasswordResetLink,
  requireUsableResetLink,
  resetPasswordWithLink,
  RESET_LINK_MINUTES,
  type PasswordResetLink,
} from '../lib/password-reset';

const LINK_SENT = `If an account has this e-mail address, a link to set a new password is on its way to it. The link works once, for ${RESET_LINK_MINUTES} minutes; if the e-mail does not arrive, look in the spam folder.`;
const NO_EMAIL =
  'This server does not send e-mail. Ask the person who runs it for a link to set a new password: they can make one with the command “npm run admin -- reset-password” followed by your e-mail address.';

function resetMail(link: PasswordResetLink) {
  const until = link.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  return {
    to: link.teacher.email,
    subject: 'Set a new password for Article Discussion',
    text: [
      `Hello ${link.teacher.name},`,
      '',
      `Someone, we hope you, asked to set a new password for the teacher account ${link.teacher.email} on Article Discussion. Open this link to choose one:`,
      '',
      link.url,
      '',
      `The link works once, until ${until} UTC. Using it signs the account out everywhere else.`,
      '',
      'If you did not ask for this, ignore this e-mail: the password stays as it is.',
    ].join('\n'),
  };
}

/** Under /api/auth: a new password for a teacher who forgot theirs. */
export const passwordResetRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, config, mailer, auth, limiters } = app;

  addRoute(app, endpoints.passwordResetOptions, () => ({ isByEmail: mailer !== null }));

  const limitSignIns = countEveryAttempt(limiters.signIn);

  addRoute(
    app,
    endpoints.forgotPassword,
    async ({ body: { email } }, request, reply) => {
      limiters.forgotPasswordByEmail.take(email.toLowerCase());
      if (!mailer) {
        reply.status(200);
        return { isSentByEmail: false, message: NO_EMAIL };
      }
      const link = await createPasswordResetLink(db, email, configuredBaseUrl(config));
      if (link) {
        // Sent after answering, so a known address is not told apart by a slower answer.
        mailer.send(resetMail(link)).catch((error: unknown) => {
          request.log.error({ err: error }, 'could not send a password-reset e-mail');
        });
      }
      reply.status(202);
      return { isSentByEmail: true, message: LINK_SENT };
    },
    countEveryAttempt(limiters.forgotPasswordByAddress),
  );

  addRoute(
    app,
    endpoints.checkResetLink,
    async ({ body: { token } }) => {
      const teacher = await requireUsableResetLink(db, token);
      return { email: teacher.email };
    },
    limitSignIns,
  );

  addRoute(
    app,
    endpoints.resetPassword,
    async ({ body }, request, reply) => {
      const teacher = await resetPasswordWithLink(db, body.token, body.password);
      await auth.signIn(request, reply, teacher);
      return { teacher };
    },
    limitSignIns,
  );
  done();
};
