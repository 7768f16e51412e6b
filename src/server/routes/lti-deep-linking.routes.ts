import { createHash } from 'node:crypto';
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { ApiError } from '../lib/api-error';
import { addRoute } from './contract-route';
import { escapeHtml, page } from './lti-pages';

/** This tool's launch URL, as the LMS must call it: the public URL, else the request's host. */
export function launchUrlOf(
  app: { config: { publicUrl?: string | undefined } },
  request: FastifyRequest,
) {
  const base = app.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
  return `${base}/lti/launch`;
}

/**
 * Under /api/lti: the teacher's side of deep linking, from the picker page (the client's
 * /teach?lti-request=<id>).
 */
export const ltiDeepLinkingApiRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { ltiDeepLinking } = app.services;

  addRoute(app, endpoints.ltiDeepLinkingRequest, ({ params, caller }) =>
    ltiDeepLinking.describe(caller.teacher.id, params.requestId),
  );

  addRoute(app, endpoints.ltiPlaceLesson, ({ params, body, caller }, request) =>
    ltiDeepLinking.place(caller.teacher.id, params.requestId, body, launchUrlOf(app, request)),
  );

  addRoute(app, endpoints.ltiCancelDeepLinking, ({ params, caller }) =>
    ltiDeepLinking.cancel(caller.teacher.id, params.requestId),
  );
  done();
};

// The one script of the answer page, allowed by its hash: the page's CSP allows nothing else.
const SUBMIT_SCRIPT = 'document.forms[0].submit();';
const SUBMIT_SCRIPT_HASH = createHash('sha256').update(SUBMIT_SCRIPT).digest('base64');

/**
 * The answer page may post to the LMS's return URL (the app's own pages post only to itself).
 * Who may frame it is what the framing plugin allowed the page (the registered LMSs): LMSs show
 * "add an activity" in a frame, and the answer page follows the picker there.
 */
function answerPagePolicy(returnUrl: string, framingPolicy: string): string {
  const frameAncestors =
    /frame-ancestors [^;]+/.exec(framingPolicy)?.[0] ?? "frame-ancestors 'none'";
  return [
    "default-src 'none'",
    `script-src 'sha256-${SUBMIT_SCRIPT_HASH}'`,
    `form-action ${new URL(returnUrl).origin}`,
    "base-uri 'none'",
    frameAncestors,
  ].join('; ');
}

const returnUrls = new WeakMap<FastifyRequest, string>();

/**
 * Under /lti: the page that takes the teacher's signed answer back to the LMS, as the spec
 * asks: a form posted by the browser to the return URL, with the token in the field JWT.
 */
export const ltiDeepLinkingPages: FastifyPluginCallback = (app, _options, done) => {
  const { ltiDeepLinking } = app.services;

  app.get<{ Params: { requestId: string } }>(
    '/deep-links/:requestId/send',
    {
      // After the app-wide security headers and the framing plugin's, so this page's policy is
      // the one sent.
      onSend: async (request, reply, payload) => {
        const returnUrl = returnUrls.get(request);
        if (returnUrl) {
          const framing = reply.getHeader('content-security-policy');
          reply.header(
            'content-security-policy',
            answerPagePolicy(returnUrl, typeof framing === 'string' ? framing : ''),
          );
        }
        return payload;
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      try {
        const teacher = await app.auth.requireTeacher(request);
        const form = await ltiDeepLinking.answerForm(teacher.id, request.params.requestId);
        returnUrls.set(request, form.returnUrl);
        return await reply.send(
          page(
            'Back to your LMS',
            `<form method="post" action="${escapeHtml(form.returnUrl)}">` +
              `<input type="hidden" name="JWT" value="${escapeHtml(form.jwt)}">` +
              '<p>Taking your choice back to your LMS…</p>' +
              '<button type="submit">Continue to your LMS</button></form>' +
              `<script>${SUBMIT_SCRIPT}</script>`,
          ),
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return reply
          .status(error.statusCode)
          .send(page('Nothing to send to your LMS', `<p>${escapeHtml(error.message)}</p>`));
      }
    },
  );
  done();
};
