import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import { refusal } from '#domain/lti/refusals';
import { HANDOFF_TTL_SECONDS, LtiHandoffRefusalError } from '../services/lti-handoffs';
import { LtiRefusalError } from '../services/lti-refusal-error';
import { handoffPage, handoffRefusalPage } from './lti-frame-pages';
import { LTI_PAGE_SCRIPT } from './lti-page-script';
import { fieldsOf, notSetUpPage, refusalPage, sendPage } from './lti-pages';

/**
 * True when this tool's own page sent the request: a browser always names the page's origin in
 * a form post, and no other site can make it name ours. It is what lets the two steps below
 * trust that the tool's page ran them (it asked the LMS's storage; the user pressed its button).
 */
function isFromThisTool(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

const NOT_FROM_THIS_TOOL =
  'This step must come from the tool’s own page: open the activity from your course again.';

/**
 * Under /lti: launches from an LMS's frame that cannot keep cookies (issue 24, point 6). The
 * state is confirmed by the LMS's storage (LTI Client Side postMessages), then a one-time
 * hand-off opens the app in a window of its own, where its cookies are first-party.
 */
export const ltiFrameRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { ltiLaunch, ltiHandoffs } = app.services;

  app.get('/page.js', async (_request, reply) =>
    reply
      .header('cache-control', 'no-cache')
      .type('text/javascript; charset=utf-8')
      .send(LTI_PAGE_SCRIPT),
  );

  // The launch page posts here once the LMS's storage gave back this launch's state.
  app.post('/launch/stored', async (request, reply) => {
    const { id_token: idToken, state } = fieldsOf(request.body);
    if (!isFromThisTool(request)) {
      const notOurs = refusal('state_mismatch', NOT_FROM_THIS_TOOL);
      return sendPage(reply, notOurs.status, refusalPage(notOurs));
    }
    try {
      const arrival = await ltiLaunch.launch({ idToken, state, isStateFromThisBrowser: true });
      const code = await ltiHandoffs.create(state ?? '', arrival);
      if (arrival.kind === 'not-set-up' || code === null) {
        return await sendPage(
          reply,
          200,
          notSetUpPage(arrival.kind === 'not-set-up' ? arrival.title : null),
        );
      }
      return await sendPage(
        reply,
        200,
        handoffPage({ state: state ?? '', code, minutes: HANDOFF_TTL_SECONDS / 60 }),
      );
    } catch (error) {
      if (!(error instanceof LtiRefusalError)) throw error;
      return sendPage(reply, error.refusal.status, refusalPage(error.refusal));
    }
  });

  // The hand-off page's button: a new window of the app's own, signed in by the one-time code.
  app.post('/handoff', async (request, reply) => {
    const { launch = '', code = '' } = fieldsOf(request.body);
    if (!isFromThisTool(request)) {
      return sendPage(reply, 403, handoffRefusalPage('handoff_unknown', NOT_FROM_THIS_TOOL));
    }
    try {
      const handedOff = await ltiHandoffs.redeem(launch, code);
      reply.header('cache-control', 'no-store');
      if (handedOff.kind === 'teacher') {
        await app.auth.signIn(request, reply, handedOff.teacher);
        return await reply.redirect(handedOff.landingPath, 303);
      }
      app.auth.setParticipantCookie(request, reply, handedOff.sessionId, handedOff.token);
      return await reply.redirect(`/live/${handedOff.sessionId}`, 303);
    } catch (error) {
      if (!(error instanceof LtiHandoffRefusalError)) throw error;
      return sendPage(reply, error.status, handoffRefusalPage(error.code, error.message));
    }
  });
  done();
};
