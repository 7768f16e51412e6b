import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { ApiError } from '../lib/api-error';
import { OIDC_LOGIN_TTL_SECONDS, OidcRefusal } from '../services/oidc-sign-in';
import { addRoute } from './contract-route';
import { escapeHtml, fieldsOf, page, sendPage } from './lti-pages';

const STATE_COOKIE = 'oidc_state';
const COOKIE_PATH = '/api/auth/oidc';
/** Where a teacher lands once signed in, and where the sign-in buttons are. */
const TEACHER_HOME = '/teach';

/**
 * The page a sign-in that failed ends on: what went wrong, in the teacher's words, and the way
 * back to the sign-in page (never a JSON error: the browser navigated here).
 */
function refusalPage(message: string): string {
  return page(
    'You are not signed in',
    `<p>${escapeHtml(message)}</p><p><a href="${TEACHER_HOME}">Back to sign-in</a></p>`,
  );
}

function answerRefusal(reply: FastifyReply, error: unknown, request: FastifyRequest) {
  if (error instanceof OidcRefusal) {
    if (error.status >= 500) request.log.warn({ err: error.cause ?? error }, error.message);
    else if (error.cause) request.log.info({ err: error.cause }, error.message);
    return sendPage(reply, error.status, refusalPage(error.message));
  }
  if (error instanceof ApiError)
    return sendPage(reply, error.statusCode, refusalPage(error.message));
  throw error;
}

/** Under /api/auth: sign-in with an OpenID provider (the buttons' list, start, callback). */
export const oidcRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { auth } = app;
  const { oidcSignIn } = app.services;

  addRoute(app, endpoints.oidcProviders, () => ({ providers: [...oidcSignIn.providers] }));

  addRoute(app, endpoints.oidcStart, async ({ params }, request, reply) => {
    try {
      const started = await oidcSignIn.start(params.provider);
      // Lax: the provider's redirect back is a top-level navigation, which carries it.
      reply.setCookie(STATE_COOKIE, started.state, {
        path: COOKIE_PATH,
        httpOnly: true,
        signed: true,
        secure: request.protocol === 'https',
        sameSite: 'lax',
        maxAge: OIDC_LOGIN_TTL_SECONDS,
      });
      return await reply.header('cache-control', 'no-store').redirect(started.redirectUrl, 302);
    } catch (error) {
      return answerRefusal(reply, error, request);
    }
  });

  addRoute(app, endpoints.oidcCallback, async ({ params }, request, reply) => {
    const raw = request.cookies[STATE_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    reply.clearCookie(STATE_COOKIE, { path: COOKIE_PATH });
    try {
      const teacher = await oidcSignIn.finish(
        params.provider,
        fieldsOf(request.query),
        unsigned?.valid ? unsigned.value : null,
      );
      await auth.signIn(request, reply, teacher);
      return await reply.header('cache-control', 'no-store').redirect(TEACHER_HOME, 302);
    } catch (error) {
      return answerRefusal(reply, error, request);
    }
  });
  done();
};
