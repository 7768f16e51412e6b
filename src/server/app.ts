import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { ApiError } from './lib/api-error';
import { createMailer } from './lib/mailer';
import { RateLimiter } from './lib/rate-limiter';
import type { LessonCatalog } from './lessons/lesson-catalog';
import { LiveHub } from './live/live-hub';
import { StreamLimits } from './live/stream-limits';
import { Auth, registerCsrfProtection } from './plugins/auth';
import {
  answerFrameworkError,
  MAX_PARAM_LENGTH,
  registerErrorHandler,
} from './plugins/error-handler';
import { registerJoinGuard } from './plugins/join-guard';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerAuthRoutes } from './routes/auth.routes';
import { registerClassSessionRoutes } from './routes/class-sessions.routes';
import { registerDashboardRoutes } from './routes/dashboard.routes';
import { registerEventRoutes } from './routes/events.routes';
import { registerHealthRoutes } from './routes/health.routes';
import { registerLessonRoutes } from './routes/lessons.routes';
import { registerParticipantRoutes } from './routes/participant.routes';
import { registerRejoinRoutes } from './routes/rejoin.routes';
import { registerPasswordResetRoutes } from './routes/password-reset.routes';

export interface AppOptions {
  readonly config: ServerConfig;
  readonly db: Database;
  readonly lessons: LessonCatalog;
  /** Serve the built client from config.staticDir (off in API tests). */
  readonly serveClient?: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Reset e-mails one address may be sent per hour: enough to retry, too few to flood it. */
const RESET_EMAILS_PER_ADDRESS = 3;
/** A student moving between sections: a click a second is far more than reading allows. */
const PROGRESS_PER_MINUTE = 60;

/** Builds the server from its parts; main.ts only listens. The database is opened by the caller. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db, lessons } = options;
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: 64 * 1024,
    // Only the configured proxies may name the client (X-Forwarded-For): the per-address
    // limits key on request.ip, which anyone could fake if every hop were trusted.
    trustProxy: config.trustProxy === false ? false : [...config.trustProxy],
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: answerFrameworkError,
  });
  const hub = new LiveHub(db, app.log);
  await hub.start();
  const deps: AppDeps = {
    config,
    db,
    lessons,
    hub,
    streams: new StreamLimits(config.streamsPerAddress),
    auth: new Auth(db),
    mailer: createMailer(config),
    limiters: {
      join: new RateLimiter(config.joinRateLimit, MINUTE, 'attempts to join'),
      joinGuess: new RateLimiter(config.joinGuessLimit, MINUTE, 'wrong join codes'),
      answer: new RateLimiter(config.answerRateLimit, MINUTE, 'answers'),
      signIn: new RateLimiter(20, MINUTE, 'sign-in attempts'),
      rejoinByAddress: new RateLimiter(config.rejoinRateLimit, 10 * MINUTE, 'wrong rejoin codes'),
      rejoinBySession: new RateLimiter(
        config.rejoinSessionRateLimit,
        10 * MINUTE,
        'wrong rejoin codes in this session',
      ),
      forgotPasswordByAddress: new RateLimiter(
        config.resetRateLimit,
        HOUR,
        'requests for a new password',
      ),
      forgotPasswordByEmail: new RateLimiter(
        RESET_EMAILS_PER_ADDRESS,
        HOUR,
        'requests for a new password for this e-mail address',
      ),
      progress: new RateLimiter(PROGRESS_PER_MINUTE, MINUTE, 'section changes'),
    },
  };

  await app.register(fastifyCookie, { secret: config.cookieSecret });
  registerSecurityHeaders(app);
  registerErrorHandler(app);
  registerCsrfProtection(app);
  registerJoinGuard(app, { requests: deps.limiters.join, guesses: deps.limiters.joinGuess });

  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerPasswordResetRoutes(app, deps);
  registerLessonRoutes(app, deps);
  registerClassSessionRoutes(app, deps);
  registerParticipantRoutes(app, deps);
  registerRejoinRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerEventRoutes(app, deps);

  const indexHtml = path.join(config.staticDir, 'index.html');
  const canServeClient = (options.serveClient ?? true) && existsSync(indexHtml);
  if (canServeClient) {
    await app.register(fastifyStatic, {
      root: config.staticDir,
      wildcard: false,
      setHeaders: (reply, filePath) => {
        // Hashed assets never change; the shell and the service worker must be revalidated.
        const isHashed = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header(
          'cache-control',
          isHashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    // A missing /assets/ file is a 404, so a stale page learns its chunk is gone instead of
    // receiving the app shell as JavaScript.
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/assets/');
    if (wantsPage && canServeClient) {
      // Client-side routes (/study/..., /live/...) all load the app shell.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const error = new ApiError(404, 'not_found', `Nothing at ${request.method} ${request.url}.`);
    return reply.status(404).send(error.toBody());
  });

  app.addHook('onClose', async () => {
    await hub.close();
    for (const limiter of Object.values(deps.limiters)) limiter.close();
    deps.mailer?.close();
  });

  return app;
}
