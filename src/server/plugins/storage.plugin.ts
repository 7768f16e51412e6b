import fp from 'fastify-plugin';
import type { Database } from '../db/database';

declare module 'fastify' {
  interface FastifyInstance {
    readonly db: Database;
  }
}

/**
 * The database, opened by the caller (PGlite or PostgreSQL, see db/open-database.ts), who also
 * closes it: a test reopens the same data after restarting the app.
 */
export const storagePlugin = fp<{ db: Database }>(
  (app, { db }, done) => {
    app.decorate('db', db);
    done();
  },
  { name: 'storage' },
);
