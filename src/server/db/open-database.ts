import path from 'node:path';
import type { ServerConfig } from '../config';
import { restrictDataDirectory } from './data-directory';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

/**
 * PostgreSQL when DATABASE_URL is set, else PGlite in the data directory (owner-only); migrated.
 */
export async function openDatabase(
  config: Pick<ServerConfig, 'databaseUrl' | 'databaseSchema' | 'dataDir'>,
): Promise<Database> {
  if (!config.databaseUrl) await restrictDataDirectory(config.dataDir);
  const db = config.databaseUrl
    ? await openPostgresDatabase(
        config.databaseUrl,
        config.databaseSchema ? { schema: config.databaseSchema } : {},
      )
    : await openPgliteDatabase({ dataDir: path.join(config.dataDir, 'pglite') });
  await migrate(db);
  // PGlite writes its files with the process's umask (main.ts sets an owner-only one, but
  // tests and other callers may not): tighten what it made.
  if (!config.databaseUrl) await restrictDataDirectory(config.dataDir);
  return db;
}
