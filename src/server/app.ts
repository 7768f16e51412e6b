import { existsSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { ApiError } from './lib/api-error';
import { systemClock, type Clock } from './lib/clock';
import { isApiRequest } from './lib/api-paths';
import { useContractCompilers } from './lib/contract-compilers';
import { pageShells } from './lib/page-shells';
import { requestLogSerializer } from './lib/request-log';
import type { LessonLibrary } from './services/lesson-library';
import { authPlugin } from './plugins/auth';
import { canonicalPathsPlugin } from './plugins/canonical-paths';
import { configPlugin } from './plugins/config.plugin';
import {
  answerFrameworkError,
  errorHandlerPlugin,
  MAX_PARAM_LENGTH,
} from './plugins/error-handler';
import { housekeepingPlugin } from './plugins/housekeeping.plugin';
import { lessonsPlugin } from './plugins/lessons.plugin';
import { liveHubPlugin } from './plugins/live-hub.plugin';
import { ltiGradesPlugin } from './plugins/lti-grades.plugin';
import { ltiFramingPlugin } from './plugins/lti-framing';
import { mailerPlugin } from './plugins/mailer.plugin';
import { rateLimitsPlugin } from './plugins/rate-limits.plugin';
import { securityHeadersPlugin } from './plugins/security-headers';
import { servicesPlugin } from './plugins/services.plugin';
import { storagePlugin } from './plugins/storage.plugin';
import { adminRoutes, invitationRoutes } from './routes/admin.routes';
import { authRoutes } from './routes/auth.routes';
import { classSessionRoutes } from './routes/class-sessions.routes';
import { classStatementRoutes } from './routes/class-statements.routes';
import { eventRoutes } from './routes/events.routes';
import { classRoutes, forecastRoutes, forecastSessionRoutes } from './routes/forecasts.routes';
import { healthRoutes } from './routes/health.routes';
import { joinRoutes } from './routes/join.routes';
import { lessonRoutes, sharedLessonRoutes } from './routes/lessons.routes';
import { ltiRoutes } from './routes/lti.routes';
import { ltiDeepLinkingApiRoutes, ltiDeepLinkingPages } from './routes/lti-deep-linking.routes';
import { ltiServiceRoutes } from './routes/lti-services.routes';
import { outcomesRoutes } from './routes/outcomes.routes';
import { oidcRoutes } from './routes/oidc.routes';
import { passwordResetRoutes } from './routes/password-reset.routes';
import { secondFactorRoutes } from './routes/second-factor.routes';
import { projectorRoutes } from './routes/projector.routes';
import { reportRoutes } from './routes/reports.routes';
import { securityTxtRoutes } from './routes/security-txt.routes';
import { speakingTurnRoutes } from './routes/speaking-turns.routes';
import { studentDataRoutes } from './routes/student-data.routes';
import { studentRoutes } from './routes/student.routes';
import { wallReplyRoutes } from './routes/wall-replies.routes';
import { wallRoutes } from './routes/wall.routes';
import { createServices } from './services/services';

/** Replies smaller than this go out as they are: compressing them saves too little. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

export interface AppOptions {
  readonly config: ServerConfig;
  readonly db: Database;
  readonly lessons: LessonLibrary;
  /** Serve the built client from config.staticDir (off in API tests). */
  readonly serveClient?: boolean;
  /** Where log lines go: standard output unless a test reads them. */
  readonly logStream?: { write(line: string): void };
  /**
   * Start the article drafter's worker (and its warm-up, a second of CPU) when the app is ready,
   * so the first teacher's draft does not wait for it. On in main.ts; off in API tests, which
   * start many servers and draft in few of them.
   */
  readonly warmUpArticleDrafter?: boolean;
  /** The forecasts' "now" (tests pass one they move); the system clock shifted by CLOCK_OFFSET_DAYS otherwise. */
  readonly clock?: Clock;
}

/**
 * Builds the server from its plugins; main.ts only listens. The database is opened (and closed)
 * by the caller. Services decorate the app (plugins/), routes are encapsulated plugins under
 * their prefix, each route registered from its contract (src/domain/api/endpoints.ts).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db, lessons } = options;
  const app = Fastify({
    // A request line leaves out the client's address, join codes and search texts.
    logger: {
      level: config.logLevel,
      serializers: { req: requestLogSerializer() },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: 64 * 1024,
    // Only the configured proxies may name the client (X-Forwarded-For): the per-address
    // limits key on request.ip, which anyone could fake if every hop were trusted.
    trustProxy: config.trustProxy === false ? false : [...config.trustProxy],
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: answerFrameworkError,
    // With TLS_CERT and TLS_KEY the server serves HTTPS itself (a classroom box without a proxy).
    // A server of our making rather than Fastify's `https` option, which would change the
    // instance's type for every plugin; request.protocol reads the socket either way.
    ...(config.tls
      ? {
          serverFactory: (handler: Parameters<typeof createHttpsServer>[1]) =>
            createHttpsServer({ cert: config.tls?.cert, key: config.tls?.key }, handler),
        }
      : {}),
  });
  useContractCompilers(app);

  // Services, shared by every route.
  await app.register(configPlugin, { value: config });
  await app.register(storagePlugin, { value: db });
  await app.register(lessonsPlugin, { value: lessons });
  // The library's worker thread (lesson-checker.ts) ends with the app.
  app.addHook('onClose', () => lessons.close());
  await app.register(liveHubPlugin);
  await app.register(rateLimitsPlugin);
  await app.register(mailerPlugin);
  await app.register(fastifyCookie, { secret: config.cookieSecret });
  await app.register(securityHeadersPlugin);
  // After the security headers: the pages an LMS frames name its origins instead of 'none'.
  await app.register(ltiFramingPlugin);
  // Replies above 1 KB (JSON, CSV, Markdown) go out compressed when the client accepts it;
  // built files are compressed at build time (precompressed below). Event streams are written
  // to the socket directly and never pass through here.
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
  });
  await app.register(errorHandlerPlugin);
  await app.register(canonicalPathsPlugin);
  await app.register(authPlugin);
  await app.register(housekeepingPlugin);
  // The logic routes call, made once over the storage, the hub, the lessons and the limits.
  const { hub, mailer, limiters, log } = app;
  const clock = options.clock ?? systemClock(config.clockOffsetDays);
  const services = createServices({ config, db, hub, lessons, mailer, limiters, log, clock });
  await app.register(servicesPlugin, { value: services });
  // At start: the audit trail notes a changed RETENTION_DAYS or AUDIT_RETENTION_DAYS (a failure
  // stops the start: a district wants no unrecorded change).
  app.addHook('onReady', async () => {
    await services.audit.recordRetention(config);
  });
  let isClosed = false;
  app.addHook('onClose', async () => {
    isClosed = true;
    await services.close();
  });
  await app.register(ltiGradesPlugin);
  if (options.warmUpArticleDrafter) {
    // Not awaited: the server answers while the worker warms up. A failure is logged; the
    // first draft then starts the worker again.
    app.addHook('onReady', () => {
      services.articleDrafts.warmUp().catch((error: unknown) => {
        // A server stopped while the worker warmed up ends it on purpose: nothing went wrong.
        if (isClosed) {
          app.log.debug('the article drafter stopped warming up: the server closed');
          return;
        }
        app.log.error({ err: error }, 'the article drafter could not warm up');
      });
    });
  }

  // Routes, each plugin under its prefix.
  await app.register(healthRoutes, { prefix: '/api' });
  // RFC 9116: whom to tell about a vulnerability, at the address finders look.
  await app.register(securityTxtRoutes);
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(passwordResetRoutes, { prefix: '/api/auth' });
  await app.register(oidcRoutes, { prefix: '/api/auth' });
  await app.register(secondFactorRoutes, { prefix: '/api/auth' });
  await app.register(invitationRoutes, { prefix: '/api/auth' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(lessonRoutes, { prefix: '/api/lessons' });
  await app.register(sharedLessonRoutes, { prefix: '/api/shared-lessons' });
  await app.register(joinRoutes, { prefix: '/api' });
  await app.register(classRoutes, { prefix: '/api/classes' });
  await app.register(forecastRoutes, { prefix: '/api/forecasts' });
  // LTI 1.3: what an LMS calls, outside the JSON API.
  await app.register(ltiRoutes, { prefix: '/lti' });
  await app.register(ltiDeepLinkingPages, { prefix: '/lti' });
  await app.register(ltiDeepLinkingApiRoutes, { prefix: '/api/lti' });
  for (const sessionRoutes of [
    classSessionRoutes,
    studentRoutes,
    eventRoutes,
    wallRoutes,
    wallReplyRoutes,
    outcomesRoutes,
    reportRoutes,
    speakingTurnRoutes,
    classStatementRoutes,
    studentDataRoutes,
    projectorRoutes,
    forecastSessionRoutes,
    ltiServiceRoutes,
  ]) {
    await app.register(sessionRoutes, { prefix: '/api/sessions' });
  }

  const indexHtml = path.join(config.staticDir, 'index.html');
  const canServeClient = (options.serveClient ?? true) && existsSync(indexHtml);
  const shellFor = pageShells(config.staticDir);
  if (canServeClient) {
    await app.register(fastifyStatic, {
      root: config.staticDir,
      wildcard: false,
      // The build's .br and .gz copies, chosen by the request's Accept-Encoding.
      preCompressed: true,
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
      !isApiRequest(request) &&
      !request.url.startsWith('/assets/');
    if (wantsPage && canServeClient) {
      // Client-side routes (/study/..., /live/...) all load the app shell, or their area's.
      const pathname = request.url.split('?', 1)[0] ?? '/';
      return reply.header('cache-control', 'no-cache').sendFile(shellFor(pathname));
    }
    const error = new ApiError(404, 'not_found', `Nothing at ${request.method} ${request.url}.`);
    return reply.status(404).send(error.toBody());
  });

  return app;
}
