import { createHmac, randomBytes } from 'node:crypto';

/**
 * What a request line in the log says about the request: no client address (a hash of it, to
 * tell clients apart within one run), and no join code, search text or one-time token, which
 * open a class, reveal what a teacher looked for or reset a password.
 */
// A type, not an interface: Fastify's serializer type wants an index signature, which only a
// type alias has implicitly.
export type LoggedRequest = {
  readonly method: string;
  readonly url: string;
  /** A keyed hash of the client's address; the key is made at start and never stored. */
  readonly client: string;
};

/** Query parameters whose values stay out of the log: search texts, join codes, tokens. */
const SECRET_QUERY_KEYS = ['q', 'code', 'token'];
const SECRET_QUERY = new RegExp(`([?&](?:${SECRET_QUERY_KEYS.join('|')})=)[^&#]*`, 'gi');
/** A join code in a path: /api/join/ABC234 (the look-up) or a page under /join/. */
const CODE_IN_PATH = /(\/join\/)[^/?#]+/gi;
const REDACTED = '[redacted]';

/** The URL with join codes, search texts and tokens replaced by "[redacted]". */
export function redactUrl(url: string): string {
  return url.replace(CODE_IN_PATH, `$1${REDACTED}`).replace(SECRET_QUERY, `$1${REDACTED}`);
}

/**
 * Fastify's `req` log serializer: method, redacted URL and a hash of the address. The key is
 * random per process, so a log cannot be matched against a list of addresses afterwards.
 */
export function requestLogSerializer(
  key: Buffer = randomBytes(32),
): (request: {
  readonly method: string;
  readonly url: string;
  readonly ip: string;
}) => LoggedRequest {
  return (request) => ({
    method: request.method,
    url: redactUrl(request.url),
    client: createHmac('sha256', key).update(request.ip).digest('base64url').slice(0, 12),
  });
}
