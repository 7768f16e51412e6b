import fp from 'fastify-plugin';
import { ltiFrameAncestors } from '../services/lti-framing';
import { framedContentSecurityPolicy } from './security-headers';

/** Pages a launch shows or leads to: the LTI pages, the teacher's pages and a student's session. */
const FRAMED_PAGE = /^\/(lti\/|teach(\/|$)|live\/)/;
/**
 * The registration page is opened by an LMS not registered yet, from wherever its
 * administrator works: any https origin (and a test LMS on this machine) may frame it; the
 * secret in its address is what guards it.
 */
const REGISTRATION_PAGE = /^\/lti\/register\//;
const REGISTRATION_ANCESTORS = ['https:', 'http://localhost:*', 'http://127.0.0.1:*'];

/**
 * LMSs show tools in a frame (issue 24, point 6): the pages a launch shows or leads to may be
 * framed by the registered LMSs' origins (and LTI_FRAME_ANCESTORS); every other page keeps
 * `frame-ancestors 'none'` and X-Frame-Options from the security headers. Registered after
 * them, so this hook runs after theirs.
 */
export const ltiFramingPlugin = fp(
  (app, _options, done) => {
    app.addHook('onSend', async (request, reply, payload) => {
      const pathname = request.url.split('?', 1)[0] ?? '';
      const isPage = request.method === 'GET' || request.method === 'POST';
      if (!isPage || !FRAMED_PAGE.test(pathname)) return payload;
      const origins = REGISTRATION_PAGE.test(pathname)
        ? REGISTRATION_ANCESTORS
        : await ltiFrameAncestors(app.db, app.config.ltiFrameAncestors);
      if (origins.length === 0) return payload;
      reply.header('content-security-policy', framedContentSecurityPolicy(origins));
      // X-Frame-Options cannot name origins; with frame-ancestors present browsers ignore it.
      reply.removeHeader('x-frame-options');
      return payload;
    });
    done();
  },
  { name: 'lti-framing', dependencies: ['security-headers'] },
);
