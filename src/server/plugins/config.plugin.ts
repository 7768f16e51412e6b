import fp from 'fastify-plugin';
import type { ServerConfig } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    readonly config: ServerConfig;
  }
}

/** The server's settings, read once from the environment (config.ts) by whoever builds the app. */
export const configPlugin = fp<{ config: ServerConfig }>(
  (app, { config }, done) => {
    app.decorate('config', config);
    done();
  },
  { name: 'config' },
);
