import type { ServerConfig } from '../config';
import { providePlugin } from './provide';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's settings, read once from the environment (config.ts) by whoever builds the app. */
    readonly config: ServerConfig;
  }
}

export const configPlugin = providePlugin('config');
