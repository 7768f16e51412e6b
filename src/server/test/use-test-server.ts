import { afterAll, afterEach, beforeAll, describe, type TestOptions } from 'vitest';
import type { ServerConfig } from '../config';
import { closeOpenStreams } from './event-stream-reader';
import {
  createTestDatabase,
  startTestServer,
  type StorageKind,
  type TestDatabase,
  type TestServer,
} from './test-server';

const ALL_STORAGE_KINDS: readonly StorageKind[] = ['pglite', 'postgres'];

/**
 * TEST_STORAGES (e.g. "postgres") narrows a run to some storages: CI runs the PostgreSQL suites
 * on one Node version and the PGlite ones on another, rather than both twice.
 */
const chosenStorages = (() => {
  const listed = process.env.TEST_STORAGES?.split(',').map((kind) => kind.trim());
  const unknown = listed?.find((kind) => !(ALL_STORAGE_KINDS as readonly string[]).includes(kind));
  if (unknown !== undefined) {
    throw new Error(
      `TEST_STORAGES names "${unknown}": use ${ALL_STORAGE_KINDS.join(' or ')}, comma-separated.`,
    );
  }
  return listed;
})();

/** Why a storage's suites are skipped in this run, or null when they run. */
function skipReason(kind: StorageKind): string | null {
  if (chosenStorages && !chosenStorages.includes(kind)) {
    return `TEST_STORAGES is ${chosenStorages.join(',')}`;
  }
  // PostgreSQL runs only where TEST_DATABASE_URL points at one (CI sets it).
  if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) return 'TEST_DATABASE_URL is not set';
  return null;
}
const isAvailable = (kind: StorageKind) => skipReason(kind) === null;

export interface StorageSuiteOptions extends TestOptions {
  /** The storages the suite needs; both by default. */
  readonly kinds?: readonly StorageKind[];
}

/**
 * One describe block per storage kind, `%s` in the title naming it. A kind that is not available
 * is still listed, as skipped, so a run without PostgreSQL says what it left out.
 */
export function describeEachStorage(title: string, body: (kind: StorageKind) => void): void;
export function describeEachStorage(
  title: string,
  options: StorageSuiteOptions,
  body: (kind: StorageKind) => void,
): void;
export function describeEachStorage(
  title: string,
  ...args: [(kind: StorageKind) => void] | [StorageSuiteOptions, (kind: StorageKind) => void]
): void {
  const [{ kinds = ALL_STORAGE_KINDS, ...options }, body] =
    args.length === 1 ? [{}, ...args] : args;
  if (!kinds.some(isAvailable)) {
    console.warn(
      `[api tests] "${title.replace('%s', kinds.join(', '))}" is SKIPPED: ${kinds.map((kind) => `${kind}: ${skipReason(kind)}`).join('; ')}.`,
    );
  }
  for (const kind of kinds) {
    const named = title.replace('%s', kind);
    const suite = () => {
      body(kind);
    };
    if (isAvailable(kind)) describe(named, options, suite);
    else describe.skip(`${named} (skipped: ${skipReason(kind)})`, options, suite);
  }
}

type ConfigOverrides = Partial<ServerConfig> | (() => Partial<ServerConfig>);

/** The server a describe block shares. Read `server` and `database` in hooks and tests only. */
export interface ServerContext {
  readonly kind: StorageKind;
  readonly server: TestServer;
  readonly database: TestDatabase;
  /** Stops the server and starts it again on the same database and address. */
  restart(): Promise<void>;
}

/**
 * Starts a server on a fresh database before the block's tests and removes both after them.
 * `overrides` may be a function, for settings known only once an earlier hook has run.
 */
export function useTestServer(kind: StorageKind, overrides: ConfigOverrides = {}): ServerContext {
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  const config = () => (typeof overrides === 'function' ? overrides() : overrides);
  const started = () => {
    if (!database || !server)
      throw new Error('the test server starts in beforeAll: use it in tests');
    return { database, server };
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database, config());
  });
  afterEach(() => {
    closeOpenStreams();
  });
  afterAll(async () => {
    await server?.close();
    await database?.destroy();
  });

  return {
    kind,
    get server() {
      return started().server;
    },
    get database() {
      return started().database;
    },
    async restart() {
      const current = started();
      const port = Number(new URL(current.server.baseUrl).port);
      await current.server.close();
      server = await startTestServer(current.database, { ...config(), port });
    },
  };
}

interface ServerSuiteOptions extends StorageSuiteOptions {
  readonly config?: ConfigOverrides;
}

/** `describeEachStorage` with a `useTestServer` for each kind, `config` overriding its settings. */
export function describeWithServer(title: string, body: (context: ServerContext) => void): void;
export function describeWithServer(
  title: string,
  options: ServerSuiteOptions,
  body: (context: ServerContext) => void,
): void;
export function describeWithServer(
  title: string,
  ...args:
    [(context: ServerContext) => void] | [ServerSuiteOptions, (context: ServerContext) => void]
): void {
  const [{ config, ...options }, body] = args.length === 1 ? [{}, ...args] : args;
  describeEachStorage(title, options, (kind) => {
    body(useTestServer(kind, config));
  });
}

/**
 * For tests that spend limits: each server a test starts has a fresh database of its own, and
 * both are removed after that test.
 */
export function useServerPerTest(
  kind: StorageKind,
): (overrides?: Partial<ServerConfig>) => Promise<TestServer> {
  const running: (() => Promise<void>)[] = [];
  afterEach(async () => {
    closeOpenStreams();
    for (const stop of running.splice(0)) await stop();
  });
  return async (overrides = {}) => {
    const database = await createTestDatabase(kind);
    const server = await startTestServer(database, overrides);
    running.push(async () => {
      await server.close();
      await database.destroy();
    });
    return server;
  };
}
