import type { Services } from '../services/services';
import { providePlugin } from './provide';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's logic, one service per concern (services/services.ts). */
    readonly services: Services;
  }
}

export const servicesPlugin = providePlugin('services');
