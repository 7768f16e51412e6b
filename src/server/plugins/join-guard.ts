import fp from 'fastify-plugin';

/** Every route a join code is tried on (look-up, join, rejoin): codes must not be guessable on any. */
const JOIN_ROUTES = new Set(['/api/join', '/api/join/:code', '/api/rejoin']);

/**
 * Counts every look-up and join per client address, right or wrong, against a generous limit (a
 * whole school shares one public address): what bounds a flood. Wrong codes are counted apart,
 * by the routes (see join.routes.ts), and slow down and refuse only wrong guesses.
 */
export const joinGuardPlugin = fp(
  (app, _options, done) => {
    const requests = app.limiters.join;
    app.addHook('onRequest', (request, _reply, next) => {
      if (!JOIN_ROUTES.has(request.routeOptions.url ?? '')) {
        next();
        return;
      }
      try {
        requests.take(request.ip);
      } catch (error) {
        next(error as Error);
        return;
      }
      next();
    });
    done();
  },
  { name: 'join-guard', dependencies: ['rate-limits'] },
);
