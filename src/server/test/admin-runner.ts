import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  pgliteTestDatabase,
  postgresTestDatabase,
  type StorageKind,
  type TestDatabase,
} from './test-server';

/** The admin command's result, as the operator sees it in a terminal. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const TSX = path.resolve('node_modules/.bin/tsx');
const ADMIN = path.resolve('src/server/admin.ts');

export function runAdmin(
  args: readonly string[],
  env: Record<string, string>,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [ADMIN, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The database an install keeps, with the environment that points the command (and server) at it. */
export interface Install extends TestDatabase {
  readonly env: Record<string, string>;
}

export async function createInstall(kind: StorageKind): Promise<Install> {
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL ?? '';
    const schema = `admin_test_${randomBytes(6).toString('hex')}`;
    return {
      ...postgresTestDatabase(url, schema),
      env: { DATABASE_URL: url, DATABASE_SCHEMA: schema, COOKIE_SECRET: 'x'.repeat(40) },
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-admin-'));
  return {
    // Where the server keeps PGlite inside DATA_DIR (db/open-database.ts).
    ...pgliteTestDatabase(path.join(dataDir, 'pglite'), dataDir),
    env: { DATA_DIR: dataDir },
  };
}

// Each test starts the command in a child process (tsx, then the database): slow on a busy machine.
export const COMMAND_TIMEOUT = { timeout: 120_000 };
