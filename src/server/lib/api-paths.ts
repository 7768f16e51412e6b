import type { FastifyRequest } from 'fastify';

/**
 * A %-encoded RFC 3986 unreserved character (a letter, a digit, `-`, `.`, `_` or `~`): encoding
 * one changes only the spelling (`/%61pi` is `/api`), and no client of ours ever does it.
 */
const ENCODED_UNRESERVED = /%(?:[46][1-9a-f]|[57][0-9a]|3[0-9]|2[de]|5f|7e)/i;

const pathOf = (url: string) => url.split('?', 1)[0] ?? '';

/** The path with every %-encoded unreserved character decoded: how the router reads it. */
function normalizedPath(url: string): string {
  return pathOf(url).replace(/%[0-9a-f]{2}/gi, (encoded) =>
    ENCODED_UNRESERVED.test(encoded)
      ? String.fromCharCode(parseInt(encoded.slice(1), 16))
      : encoded,
  );
}

/** True when the path spells an unreserved character in %-encoding (`/%61pi/...`). */
export function isNonCanonicalPath(url: string): boolean {
  return ENCODED_UNRESERVED.test(pathOf(url));
}

/**
 * Whether a request is for the API, however its path is spelled: the route it matched, or for
 * an unmatched one the path as the router decodes it. CSRF checks and `no-store` go by this,
 * never by the raw URL.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route?.startsWith('/api/')) return true;
  const path = normalizedPath(request.url);
  return path === '/api' || path.startsWith('/api/');
}
