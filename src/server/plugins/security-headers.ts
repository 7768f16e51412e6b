import fp from 'fastify-plugin';
import { isApiRequest } from '../lib/api-paths';

const contentSecurityPolicy = (frameAncestors: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes (e.g. bar widths); no style sheets come from elsewhere.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');

const CONTENT_SECURITY_POLICY = contentSecurityPolicy("'none'");

/** The same policy for a page that these origins may show in a frame (LTI, plugins/lti-framing.ts). */
export const framedContentSecurityPolicy = (origins: readonly string[]) =>
  contentSecurityPolicy(["'self'", ...origins].join(' '));

/** Sent with every response, including event streams and Fastify's own refusals. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * Security headers on every response; API answers, which carry students' names and answers,
 * are never stored by a browser or a proxy unless a route says otherwise.
 */
export const securityHeadersPlugin = fp(
  (app, _options, done) => {
    app.addHook('onSend', async (request, reply, payload) => {
      reply.headers(SECURITY_HEADERS);
      // Over HTTPS (built-in TLS, or a trusted proxy's X-Forwarded-Proto), the browser is told to
      // come back only over HTTPS for a year. Not includeSubDomains: the school's other hosts
      // under the same name are not this server's to promise HTTPS for.
      if (request.protocol === 'https') {
        reply.header('strict-transport-security', 'max-age=31536000');
      }
      if (isApiRequest(request) && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
      return payload;
    });
    done();
  },
  { name: 'security-headers' },
);
