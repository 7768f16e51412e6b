import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import type { Mailer } from './lib/mailer';
import type { RateLimiter } from './lib/rate-limiter';
import type { LessonCatalog } from './lessons/lesson-catalog';
import type { LiveHub } from './live/live-hub';
import type { StreamLimits } from './live/stream-limits';
import type { Auth } from './plugins/auth';

/** What route modules are given: the app's services, made once in buildApp. */
export interface AppDeps {
  readonly config: ServerConfig;
  readonly db: Database;
  readonly lessons: LessonCatalog;
  readonly hub: LiveHub;
  readonly streams: StreamLimits;
  readonly auth: Auth;
  /** Sends password-reset e-mails; null when SMTP is not configured. */
  readonly mailer: Mailer | null;
  readonly limiters: {
    /** Every join code look-up and join, per client address. */
    readonly join: RateLimiter;
    /** Unknown join codes tried, per client address. */
    readonly joinGuess: RateLimiter;
    readonly answer: RateLimiter;
    readonly signIn: RateLimiter;
    /** Wrong rejoin codes, per client address and per session. */
    readonly rejoinByAddress: RateLimiter;
    readonly rejoinBySession: RateLimiter;
    readonly forgotPasswordByAddress: RateLimiter;
    readonly forgotPasswordByEmail: RateLimiter;
    readonly progress: RateLimiter;
  };
}

/** The address students open to join: PUBLIC_URL when set, else the one this request came to. */
export function joinUrlFor(deps: AppDeps, request: FastifyRequest, joinCode: string): string {
  const base =
    deps.config.publicUrl ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
  return `${base.replace(/\/$/, '')}/join?code=${joinCode}`;
}
