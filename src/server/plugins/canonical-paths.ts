import fp from 'fastify-plugin';
import { isApiRequest, isNonCanonicalPath } from '../lib/api-paths';
import { ApiError } from '../lib/api-error';

/**
 * An API path spelled with %-encoded letters or digits (`/%61pi/sessions/...`) is answered 404
 * before anything else runs: the router would decode it to a route, so it is one more spelling
 * for the checks that follow to get wrong, and no client of ours sends one.
 */
export const canonicalPathsPlugin = fp(
  (app, _options, done) => {
    app.addHook('onRequest', (request, _reply, next) => {
      if (isNonCanonicalPath(request.url) && isApiRequest(request)) {
        next(
          new ApiError(
            404,
            'not_found',
            `Nothing at ${request.method} ${request.url}: write the path without percent-encoding letters, digits or "-._~".`,
          ),
        );
        return;
      }
      next();
    });
    done();
  },
  { name: 'canonical-paths', dependencies: ['error-handler'] },
);
