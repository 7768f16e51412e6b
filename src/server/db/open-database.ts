import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ServerConfig } from '../config';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

/** PostgreSQL when DATABASE_URL is set, else PGlite in the data directory; migrated. */
export async function openDatabase(
  config: Pick<ServerConfig, 'databaseUrl' | 'databaseSchema' | 'dataDir'>,
): Promise<Database> {
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const db = config.databaseUrl
    ? await openPostgresDatabase(
        config.databaseUrl,
        config.databaseSchema ? { schema: config.databaseSchema } : {},
      )
    : await openPgliteDatabase({ dataDir: path.join(config.dataDir, 'pglite') });
  await migrate(db);
  return db;
}
