import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';
import { lockDirectory } from './directory-lock';

/**
 * Embedded PostgreSQL in WebAssembly, persisted to a directory (or in memory for tests).
 * PGlite has one connection, so its queries run one at a time; transactions hold it throughout.
 * A directory is used by one process at a time: a second open is refused (see lockDirectory).
 */
export async function openPgliteDatabase(
  options: { dataDir?: string; loadDataDir?: Blob | File } = {},
): Promise<Database> {
  const lock = options.dataDir === undefined ? null : lockDirectory(options.dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(options.dataDir, {
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const asQueryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the row shape they select
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<Row>(sql, [...params]);
      return { rows: result.rows };
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(db),
    transaction: (work) => db.transaction((tx) => work(asQueryable(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    listen: async (channel, onNotify) => {
      const unlisten = await db.listen(channel, onNotify);
      return unlisten;
    },
    notify: async (channel, payload) => {
      await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    close: async () => {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** A dump of a database, for tests that start many servers from one migrated template. */
export async function dumpPgliteDatabase(dataDir?: string): Promise<Blob> {
  const db = await PGlite.create(dataDir);
  const dump = await db.dumpDataDir('none');
  await db.close();
  return dump;
}
