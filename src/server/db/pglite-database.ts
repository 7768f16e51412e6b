import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';
import { lockDirectory } from './directory-lock';

/**
 * Settings for a small machine (a teacher's laptop): PostgreSQL's defaults size its buffers for
 * a server, and PGlite's WebAssembly memory never shrinks. Durability is untouched.
 */
export const PGLITE_SETTINGS = [
  'shared_buffers = 16MB',
  'work_mem = 1MB',
  'maintenance_work_mem = 8MB',
  'temp_buffers = 1MB',
];

/**
 * PGlite is 9 MB of WebAssembly. V8 compiles it twice by default, quickly (Liftoff) and then
 * again optimised in the background (TurboFan), and keeps both: about 60 MB more memory, and on
 * a busy two-core machine the background compile competes with the requests for CPU. Measured
 * here, Liftoff alone answered as fast. Only this process's WebAssembly is affected (PGlite's).
 */
function compileWebAssemblyOnce(): void {
  v8.setFlagsFromString('--liftoff-only');
}

/**
 * Creates a new PGlite data directory (initdb) in a short-lived child process. Creating one
 * takes 700-800 MB of WebAssembly memory, which a process never gives back: done here, the
 * server only ever reopens the directory and stays small.
 */
export async function createPgliteDirectory(dataDir: string): Promise<void> {
  // Made beside it and moved into place whole, so a start interrupted half-way leaves no
  // half-made database behind (the caller holds the directory's lock: nobody else is here).
  const draft = `${dataDir}.new`;
  await rm(draft, { recursive: true, force: true });
  const pgliteUrl = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  const script = [
    `const { PGlite } = await import(${JSON.stringify(pgliteUrl.href)});`,
    `const db = await PGlite.create(${JSON.stringify(draft)});`,
    'await db.close();',
  ].join('\n');
  // The same Node binary as this server's (not configuration: nothing to validate).
  // eslint-disable-next-line no-restricted-globals
  const child = spawn(process.execPath, ['--input-type=module', '--eval', script], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const code = await new Promise<number | string>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => {
      resolve(signal ?? exitCode ?? 0);
    });
  });
  if (code !== 0 || !existsSync(path.join(draft, 'PG_VERSION'))) {
    await rm(draft, { recursive: true, force: true });
    throw new Error(
      `Could not create the embedded database in ${dataDir} (exit ${code}): ${stderr.trim()}`,
    );
  }
  try {
    // Replaces an empty directory; refuses one that holds anything.
    await rename(draft, dataDir);
  } catch (error) {
    await rm(draft, { recursive: true, force: true });
    throw new Error(
      `Could not create the embedded database in ${dataDir}: it exists and is not a database ` +
        `(${(error as NodeJS.ErrnoException).code ?? String(error)}). Empty it or choose another DATA_DIR.`,
      { cause: error },
    );
  }
}

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
    compileWebAssemblyOnce();
    const { dataDir } = options;
    if (dataDir !== undefined && !options.loadDataDir) {
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await createPgliteDirectory(dataDir);
    }
    db = await PGlite.create(options.dataDir, {
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      postgresqlconf: PGLITE_SETTINGS,
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
