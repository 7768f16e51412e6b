import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { type AppOptions, buildApp } from '../app';
import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { openPgliteDatabase } from '../db/pglite-database';
import { openPostgresDatabase } from '../db/postgres-database';
import { readBuiltInLessons } from '../lessons/built-in-lessons';
import { openLessonLibrary } from '../services/lesson-library';

export type StorageKind = 'pglite' | 'postgres';

/** A database for one test file: PGlite from the migrated template, or a fresh PostgreSQL schema. */
export interface TestDatabase {
  readonly kind: StorageKind;
  /** Opens (or reopens, after a restart) a connection to the same data. */
  open(): Promise<Database>;
  /** Deletes the data for good. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(kind: StorageKind): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    return postgresTestDatabase(url, `test_${randomBytes(6).toString('hex')}`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-test-'));
  return pgliteTestDatabase(path.join(dir, 'db'), dir);
}

/** A schema of its own in the PostgreSQL at `url`, migrated on open and dropped on destroy. */
export function postgresTestDatabase(url: string, schema: string): TestDatabase {
  return {
    kind: 'postgres',
    async open() {
      const db = await openPostgresDatabase(url, { schema });
      await migrate(db);
      return db;
    },
    async destroy() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/**
 * PGlite in `dataDir`, loaded from the migrated template the first time it opens (much faster
 * than creating it). Destroying it removes `root`, the folder that holds `dataDir`.
 */
export function pgliteTestDatabase(dataDir: string, root: string): TestDatabase {
  let isSeeded = false;
  return {
    kind: 'pglite',
    async open() {
      if (isSeeded) return openPgliteDatabase({ dataDir });
      isSeeded = true;
      const template = await readFile(inject('pgliteTemplatePath'));
      const db = await openPgliteDatabase({ dataDir, loadDataDir: new Blob([template]) });
      await migrate(db);
      return db;
    },
    async destroy() {
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly baseUrl: string;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: os.tmpdir(),
    databaseUrl: undefined,
    databaseSchema: undefined,
    cookieSecret: 'test-cookie-secret-that-is-long-enough-0123456789',
    publicUrl: undefined,
    trustProxy: false,
    joinRateLimit: 1000,
    joinGuessLimit: 1000,
    streamsPerAddress: 1000,
    answerRateLimit: 1000,
    rejoinRateLimit: 1000,
    rejoinStudentRateLimit: 1000,
    // Guesses past their free ones wait, but not long enough to slow a test down.
    guessDelayMs: 5,
    wrongPasswordsPerAddress: 1000,
    wrongPasswordsPerAccount: 1000,
    logLevel: 'silent',
    staticDir: path.join(os.tmpdir(), 'no-client-here'),
    smtpUrl: undefined,
    mailFrom: undefined,
    resetRateLimit: 1000,
    retentionDays: 365,
    idleSessionHours: 12,
    // Tests sweep by calling app.housekeeping.sweep with the time they need.
    housekeepingIntervalSeconds: 86_400,
    articleFetchAllowHosts: [],
    articleFetchTimeoutMs: 10_000,
    clockOffsetDays: 0,
    ltiFrameAncestors: [],
    tls: undefined,
    securityContact: { contact: undefined, policy: undefined },
    oidcProviders: [],
    auditRetentionDays: 1095,
    signInIdleHours: 12,
    signInMaxDays: 7,
    signUp: { isOpen: true, domains: [] },
    ...overrides,
  };
}

/** Starts the real app on a real port over the given database. */
export async function startTestServer(
  database: TestDatabase,
  overrides: Partial<ServerConfig> = {},
  options: Pick<AppOptions, 'logStream' | 'warmUpArticleDrafter' | 'clock'> = {},
): Promise<TestServer> {
  const db = await database.open();
  const app = await buildApp({
    config: testConfig(overrides),
    db,
    lessons: await openLessonLibrary(db, await readBuiltInLessons()),
    serveClient: false,
    ...options,
  });
  // Port 0 (any free port) unless a test restarts a server on the address it had before.
  await app.listen({ port: overrides.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    app,
    db,
    baseUrl: `${overrides.tls ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
