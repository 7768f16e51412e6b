import type { FastifyInstance, FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';

/** The values the app is given or makes once, each declared beside its plugin. */
type ProvidedKey = 'config' | 'db' | 'lessons' | 'services';

/**
 * A plugin that decorates the app with a value made outside it (the config, the database, the
 * lessons, the services), so routes reach it as `app.<key>` and other plugins can depend on it
 * by that name.
 */
export function providePlugin<K extends ProvidedKey>(
  key: K,
): FastifyPluginCallback<{ value: FastifyInstance[K] }> {
  return fp<{ value: FastifyInstance[K] }>(
    (app, { value }, done) => {
      app.decorate(key as string, value as unknown);
      done();
    },
    { name: key },
  );
}
