import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { teacherLandingPath } from '../services/lti-arrivals';
import { LOGIN_TTL_SECONDS } from '../services/lti-launch';
import { platformOriginOfLogin } from '../services/lti-platform-storage';
import { LtiRefusalError } from '../services/lti-refusal-error';
import { ltiFrameRoutes } from './lti-frame.routes';
import { storageLaunchPage, storageLoginPage } from './lti-frame-pages';
import { fieldsOf, notSetUpPage, refusalPage } from './lti-pages';
import { ltiRegistrationRoutes } from './lti-registration.routes';

/** One cookie per login, so two launches started in two tabs do not undo each other. */
const stateCookieName = (state: string) => `lti_state_${state}`;
const STATE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The state cookie crosses from the LMS's site in the form post of the launch: `SameSite=None`
 * lets it, which browsers accept only with `Secure`, i.e. over HTTPS (LMSs require it of tools).
 */
function stateCookieOptions(request: FastifyRequest) {
  const isHttps = request.protocol === 'https';
  return {
    path: '/lti',
    httpOnly: true,
    signed: true,
    secure: isHttps,
    sameSite: isHttps ? ('none' as const) : ('lax' as const),
    maxAge: LOGIN_TTL_SECONDS,
  };
}

function isStateFromThisBrowser(request: FastifyRequest, state: string | undefined): boolean {
  if (!state || !STATE_PATTERN.test(state)) return false;
  const raw = request.cookies[stateCookieName(state)];
  if (!raw) return false;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value === state;
}

async function answerRefusal(reply: FastifyReply, error: unknown) {
  if (!(error instanceof LtiRefusalError)) throw error;
  return reply
    .status(error.refusal.status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(refusalPage(error.refusal));
}

/**
 * Under /lti: the LTI 1.3 endpoints an LMS calls, outside the JSON API (the protocol fixes their
 * shapes: query strings, form posts, redirects and pages): the tool's key set, the login
 * initiation and the launch.
 */
export const ltiRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { ltiKeys, ltiLaunch } = app.services;
  // The launch is an HTML form post (response_mode=form_post); only this plugin reads forms.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, parsed) => {
      parsed(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  app.get('/jwks.json', async (_request, reply) => {
    // Platforms fetch it again when a token names a key they have not seen (after a rotation).
    return reply.header('cache-control', 'public, max-age=300').send(await ltiKeys.publicKeySet());
  });

  const startLogin = async (request: FastifyRequest, reply: FastifyReply) => {
    const fields = fieldsOf(request.method === 'GET' ? request.query : request.body);
    const base =
      app.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
    try {
      const started = await ltiLaunch.startLogin(fields, `${base}/lti/launch`);
      reply.setCookie(stateCookieName(started.state), started.state, stateCookieOptions(request));
      reply.header('cache-control', 'no-store');
      const storageTarget = fields.lti_storage_target;
      if (storageTarget) {
        // The LMS offers its storage: the state goes there too, for a frame without cookies.
        const platformOrigin = new URL(started.redirectUrl).origin;
        return await reply
          .type('text/html; charset=utf-8')
          .send(storageLoginPage({ target: storageTarget, platformOrigin, ...started }));
      }
      return await reply.redirect(started.redirectUrl, 302);
    } catch (error) {
      return answerRefusal(reply, error);
    }
  };
  app.get('/login', startLogin);
  app.post('/login', startLogin);

  app.post('/launch', async (request, reply) => {
    const { id_token: idToken, state, lti_storage_target: storageTarget } = fieldsOf(request.body);
    const fromThisBrowser = isStateFromThisBrowser(request, state);
    if (state && STATE_PATTERN.test(state)) {
      reply.clearCookie(stateCookieName(state), { path: '/lti' });
    }
    // No cookie came back, but the LMS keeps the state: the page asks it (lti-frame.routes.ts).
    const platformOrigin =
      !fromThisBrowser && storageTarget && idToken && state && STATE_PATTERN.test(state)
        ? await platformOriginOfLogin(app.db, state)
        : null;
    if (platformOrigin && storageTarget && idToken && state) {
      return reply
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(storageLaunchPage({ target: storageTarget, platformOrigin, state, idToken }));
    }
    try {
      const arrival = await ltiLaunch.launch({
        idToken,
        state,
        isStateFromThisBrowser: fromThisBrowser,
      });
      reply.header('cache-control', 'no-store');
      if ('teacher' in arrival) {
        // The launch may run in the LMS's frame: its cookies must cross sites (over HTTPS).
        app.auth.setCrossSiteCsrfCookie(request, reply);
        await app.auth.signIn(request, reply, arrival.teacher, { crossSite: true });
        return await reply.redirect(teacherLandingPath(arrival), 303);
      }
      if (arrival.kind === 'student') {
        app.auth.setCrossSiteCsrfCookie(request, reply);
        app.auth.setParticipantCookie(request, reply, arrival.sessionId, arrival.token, {
          crossSite: true,
        });
        return await reply.redirect(`/live/${arrival.sessionId}`, 303);
      }
      return await reply.type('text/html; charset=utf-8').send(notSetUpPage(arrival.title));
    } catch (error) {
      return answerRefusal(reply, error);
    }
  });
  // Dynamic registration and launches from a frame without cookies, reading forms as above.
  void app.register(ltiRegistrationRoutes);
  void app.register(ltiFrameRoutes);
  done();
};
