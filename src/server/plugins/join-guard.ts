import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Every route a join code is tried on (look-up, join, rejoin): codes must not be guessable on any. */
const JOIN_ROUTES = new Set(['/api/join', '/api/join/:code', '/api/rejoin']);

/**
 * Limits joining per client address in two ways. `requests` counts every look-up and join, and
 * is generous: a whole school shares one public address. `guesses` counts only unknown codes
 * (404), so guessing codes stays slow while a class joins freely. A guess takes its slot before
 * the look-up (a burst cannot outrun the count) and gives it back when the code was right.
 */
export const joinGuardPlugin = fp(
  (app, _options, done) => {
    const limiters = { requests: app.limiters.join, guesses: app.limiters.joinGuess };
    const holdingGuess = new WeakSet<FastifyRequest>();

    app.addHook('onRequest', (request, _reply, done) => {
      if (!JOIN_ROUTES.has(request.routeOptions.url ?? '')) {
        done();
        return;
      }
      try {
        limiters.requests.take(request.ip);
        limiters.guesses.take(request.ip);
      } catch (error) {
        done(error as Error);
        return;
      }
      holdingGuess.add(request);
      done();
    });

    app.addHook('onResponse', (request, reply, done) => {
      if (holdingGuess.delete(request) && reply.statusCode !== 404) {
        limiters.guesses.release(request.ip);
      }
      done();
    });
    done();
  },
  { name: 'join-guard', dependencies: ['rate-limits'] },
);
