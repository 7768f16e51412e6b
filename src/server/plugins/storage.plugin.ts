import type { Database } from '../db/database';
import { providePlugin } from './provide';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The database, opened by the caller (PGlite or PostgreSQL, see db/open-database.ts), who
     * also closes it: a test reopens the same data after restarting the app.
     */
    readonly db: Database;
  }
}

export const storagePlugin = providePlugin('db');
