import type { FastifyInstance, FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';

/** The services the caller makes before building the app, each declared beside its plugin. */
type ProvidedKey = 'config' | 'db' | 'lessons';

/**
 * A plugin that decorates the app with a value the caller made (the config, the database, the
 * lessons), so routes reach it as `app.<key>` and other plugins can depend on it by that name.
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
