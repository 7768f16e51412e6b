import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { checkGuess } from '../lib/guess-limiter';
import { countEveryAttempt } from '../plugins/rate-limits.plugin';
import { refuseWeakPassword } from '../lib/password-policy';
import { configuredBaseUrl } from '../lib/password-reset';
import { confirmSignUp, prepareSignUpMail, SIGN_UP_SENT } from '../lib/sign-up-by-email';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../lib/secrets';
import {
  createTeacher,
  deleteTeacherAccount,
  findTeacherByEmail,
} from '../repositories/teachers.repository';

const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

/** Under /api/auth: teacher accounts. */
export const authRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, auth, hub, limiters, config, mailer } = app;

  const limitSignIns = countEveryAttempt(limiters.signIn);

  addRoute(
    app,
    endpoints.signUp,
    async ({ body }, request, reply) => {
      await refuseWeakPassword(body.password, body);
      if (mailer) {
        limiters.signUpMailsByEmail.take(body.email.toLowerCase());
        // The same answer whether or not the address has an account: the e-mail says which.
        const mail = await prepareSignUpMail(db, body, configuredBaseUrl(config));
        // Sent after answering, so the answer does not wait on the mail relay.
        mailer.send(mail).catch((error: unknown) => {
          request.log.error({ err: error }, 'could not send a sign-up e-mail');
        });
        reply.status(202);
        return { isSentByEmail: true as const, message: SIGN_UP_SENT };
      }
      // No e-mail, nobody to tell: the address's owner is the one who can be told it is taken.
      const teacher = await createTeacher(db, {
        email: body.email,
        name: body.name,
        passwordHash: await hashPassword(body.password),
      });
      if (!teacher) {
        // The same words whether or not the address has an account with another password.
        throw new ApiError(
          409,
          'account_unavailable',
          'An account cannot be created with this e-mail. If you already have one, sign in instead.',
          'email',
        );
      }
      await auth.signIn(request, reply, teacher);
      reply.status(201);
      return { teacher };
    },
    limitSignIns,
  );

  addRoute(
    app,
    endpoints.confirmSignUp,
    async ({ body }, request, reply) => {
      const teacher = await confirmSignUp(db, body.token);
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
      // A wrong password slows down and, past the limits, is refused: per address (a right one
      // still gets in) and per account (any, until the hour is up).
      const found = await checkGuess(
        {
          byAddress: [limiters.signInByAddress, request.ip],
          byTarget: [limiters.signInByEmail, body.email.toLowerCase()],
        },
        async () => {
          const account = await findTeacherByEmail(db, body.email);
          // Hash even for an unknown address, so the answer takes as long and says the same.
          const isValid = await verifyPassword(
            body.password,
            account?.passwordHash ?? DUMMY_PASSWORD_HASH,
          );
          return account && isValid ? account : null;
        },
      );
      if (!found) throw new ApiError(401, 'invalid_credentials', WRONG_CREDENTIALS);
      const teacher = { id: found.id, email: found.email, name: found.name };
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

  addRoute(app, endpoints.signedIn, async (_input, request) => ({
    teacher: await auth.findTeacher(request),
  }));

  addRoute(
    app,
    endpoints.deleteAccount,
    async ({ body, caller }, request, reply) => {
      // The password again, so a browser left signed in cannot wipe a class's work.
      const found = await findTeacherByEmail(db, caller.teacher.email);
      const isValid = await verifyPassword(
        body.password,
        found?.passwordHash ?? DUMMY_PASSWORD_HASH,
      );
      if (!found || found.id !== caller.teacher.id || !isValid) {
        throw new ApiError(403, 'wrong_password', 'That is not your password.', 'password');
      }
      const sessionIds = await db.transaction((tx) => deleteTeacherAccount(tx, found.id));
      for (const sessionId of sessionIds) hub.endSessionStreams(sessionId);
      await auth.signOut(request, reply);
      return undefined;
    },
    limitSignIns,
  );
  done();
};
