import type { FastifyPluginCallback } from 'fastify';
import type { ServerConfig } from '../config';
import { ApiError } from '../lib/api-error';

/** RFC 9116 asks for an Expires under a year ahead; computed at each request, so never stale. */
export const SECURITY_TXT_LIFETIME_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The file's lines for this server's settings, or null when no contact is set. */
function securityTxt(config: ServerConfig, now: Date): string | null {
  const { contact, policy } = config.securityContact;
  if (contact === undefined) return null;
  const expires = new Date(now.getTime() + SECURITY_TXT_LIFETIME_DAYS * DAY_MS);
  expires.setUTCMilliseconds(0);
  const lines = [
    `Contact: ${contact}`,
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    'Preferred-Languages: en',
  ];
  if (config.publicUrl !== undefined) {
    lines.push(`Canonical: ${new URL('/.well-known/security.txt', config.publicUrl).href}`);
  }
  if (policy !== undefined) lines.push(`Policy: ${policy}`);
  return `${lines.join('\n')}\n`;
}

/**
 * /.well-known/security.txt (RFC 9116): whom a finder of a vulnerability tells. Plain text, not a
 * contract of the JSON API. Without SECURITY_CONTACT there is no file (a 404 naming the setting):
 * a contact only the operator knows cannot be made up, and the project's own, for flaws in the
 * code, is in SECURITY.md.
 */
export const securityTxtRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get('/.well-known/security.txt', (_request, reply) => {
    const text = securityTxt(app.config, new Date());
    if (text === null) {
      throw new ApiError(
        404,
        'not_found',
        'This server publishes no security.txt: its operator has not set SECURITY_CONTACT.',
      );
    }
    // Expires moves with every answer: a cache may keep it a day, then must ask again.
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(text);
  });
  done();
};
