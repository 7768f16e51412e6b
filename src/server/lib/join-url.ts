import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config';

/** The address students open to join: PUBLIC_URL when set, else the one this request came to. */
export function joinUrlFor(
  config: ServerConfig,
  request: FastifyRequest,
  joinCode: string,
): string {
  const base = config.publicUrl ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
  return `${base.replace(/\/$/, '')}/join?code=${joinCode}`;
}
