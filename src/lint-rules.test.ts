import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer and outside-world rules of eslint.config.js, run on code that breaks each one, so a
 * change to the config cannot switch a rule off unnoticed (the server's floors: in
 * server-floors.lint.test.ts). Type-aware rules are left out: these
 * files need no type information, and most of them exist only as text.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = 'src/test-fixtures/lint';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: ROOT,
    // The fixtures folder is ignored by `npm run lint`: it breaks the rules on purpose.
    ignore: false,
    overrideConfig: tseslint.configs.disableTypeChecked,
  });
});

/** The rules that `code` breaks as if it were the file at `filePath`, one entry per problem. */
async function problemsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `not linted: ${m.message}`);
}

describe('the domain imports only zod and its own files', () => {
  it.each([
    ['a database driver', 'src/domain/lesson/x.ts', "import pg from 'pg';\nexport const x = pg;"],
    [
      'Node',
      'src/domain/lesson/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
    ],
    ['React', 'src/domain/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['the server', 'src/domain/live/x.ts', "export { loadConfig } from '../../server/config';"],
    [
      'the server, from the top folder',
      'src/domain/x.ts',
      "export type { ServerConfig } from '../server/config';",
    ],
    [
      'the client',
      'src/domain/reports/x.ts',
      "import { a } from '../../client/shared/lib/a';\nexport const x = a;",
    ],
  ])('refuses %s', async (_what, filePath, code) => {
    expect(await problemsIn(filePath, code)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['document', 'export const title = (): string => document.title;'],
    ['process', 'export const port = (): string | undefined => process.env.PORT;'],
    ['setTimeout', 'export const later = (f: () => void): unknown => setTimeout(f, 1);'],
  ])('refuses the host global %s', async (_global, code) => {
    expect(await problemsIn('src/domain/scoring/x.ts', code)).toEqual(['no-restricted-globals']);
  });

  it('lets it import zod and its own files, and use the language', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { brierScore } from '../scoring/brier';",
      "import { LIMITS } from './live-constants';",
      'export const scores = z.array(z.number()).max(LIMITS.displayNameLength);',
      'export const score = brierScore;',
      'export const names = new Map<string, number>([[JSON.stringify(1), Math.max(1, 2)]]);',
    ].join('\n');
    expect(await problemsIn('src/domain/live/x.ts', code)).toEqual([]);
  });
});

describe('client layers', () => {
  it('refuse the server to the client', async () => {
    const code =
      "import { loadConfig } from '../../../server/config';\nexport const x = loadConfig;";
    expect(await problemsIn('src/client/shared/lib/x.ts', code)).toEqual(['no-restricted-imports']);
  });

  it('refuse one feature to another', async () => {
    const code =
      "import { teacherMeQuery } from '../../account/api/account-api';\nexport const x = teacherMeQuery;";
    expect(await problemsIn('src/client/features/self-study/lib/x.ts', code)).toEqual([
      'local/feature-boundaries',
    ]);
  });

  it('let a feature import shared code and the domain', async () => {
    const code = [
      "import { apiRequest } from '#shared/lib/api-client';",
      "import { brierScore } from '#domain/scoring/brier';",
      'export const x = [apiRequest, brierScore];',
    ].join('\n');
    expect(await problemsIn('src/client/features/session-monitor/lib/x.ts', code)).toEqual([]);
  });
});

const NEW_FEATURE_FILE = 'src/client/features/brand-new/components/x.tsx';

// ---- Client features (issue 28): the feature is read from the folder, so a new one is covered. ----
describe('a client feature folder that does not exist yet', () => {
  const NEW_FEATURE = 'src/client/features/brand-new/components/x.tsx';

  it.each([
    [
      'another feature',
      "import { teacherMeQuery } from '../../account/api/account-api';\nexport const x = teacherMeQuery;",
    ],
    ['another feature, by a path into its folder', "export * from '../../reports';"],
    [
      'app',
      "import { TeacherArea } from '../../../app/teacher-area';\nexport const x = TeacherArea;",
    ],
  ])('is refused %s', async (_what, code) => {
    expect(await problemsIn(NEW_FEATURE, code)).toEqual(['local/feature-boundaries']);
  });

  it('is refused another feature loaded lazily', async () => {
    const code =
      "export const load = (): Promise<unknown> => import('../../session-monitor/api/session-monitor-api');";
    expect(await problemsIn(NEW_FEATURE, code)).toEqual(['local/feature-boundaries']);
  });

  it('may import shared code, its own files and the domain (whatever the domain folder is called)', async () => {
    const code = [
      "import { apiRequest } from '#shared/lib/api-client';",
      "import { own } from '../lib/own';",
      "import { markdownText } from '#domain/reports/markdown-text';",
      'export const x = [apiRequest, own, markdownText];',
    ].join('\n');
    expect(await problemsIn(NEW_FEATURE, code)).toEqual([]);
  });
});

describe("the client's shared code is imported by its alias", () => {
  it('refuses a relative path into src/client/shared from a feature, and fixes it to #shared/', async () => {
    const code = "import { routes } from '../../../shared/lib/routes';\nexport const x = routes;";
    expect(await problemsIn(NEW_FEATURE_FILE, code)).toEqual(['local/shared-alias']);
    const fixer = new ESLint({
      cwd: ROOT,
      ignore: false,
      fix: true,
      overrideConfig: tseslint.configs.disableTypeChecked,
    });
    const [fixed] = await fixer.lintText(code, { filePath: path.join(ROOT, NEW_FEATURE_FILE) });
    expect(fixed?.output).toContain("from '#shared/lib/routes'");
  });

  it('lets shared code import its own files by relative paths', async () => {
    const code = "import { routes } from '../lib/routes';\nexport const x = routes;";
    expect(await problemsIn('src/client/shared/components/x.tsx', code)).toEqual([]);
  });

  it('refuses the client’s shared code to the server, by its alias too', async () => {
    const code = "import { routes } from '#shared/lib/routes';\nexport const x = routes;";
    expect(await problemsIn('src/server/routes/x.routes.ts', code)).toEqual([
      'no-restricted-imports',
    ]);
  });
});
// ---- end of client features ----

describe('the domain is imported by its alias', () => {
  it('refuses a relative path into src/domain outside it, and fixes it to #domain/', async () => {
    const code =
      "import { brierScore } from '../../domain/scoring/brier';\nexport const x = brierScore;";
    const filePath = path.join(ROOT, 'src/server/routes/x.routes.ts');
    expect(await problemsIn('src/server/routes/x.routes.ts', code)).toEqual(['local/domain-alias']);
    const fixer = new ESLint({
      cwd: ROOT,
      ignore: false,
      fix: true,
      overrideConfig: tseslint.configs.disableTypeChecked,
    });
    const [fixed] = await fixer.lintText(code, { filePath });
    expect(fixed?.output).toContain("from '#domain/scoring/brier'");
  });

  it('lets the domain import its own files by relative paths', async () => {
    const code = "import { brierScore } from '../scoring/brier';\nexport const x = brierScore;";
    expect(await problemsIn('src/domain/live/x.ts', code)).toEqual([]);
  });
});

describe('the server', () => {
  it('refuses the client to it', async () => {
    const code = "import { api } from '../../client/shared/lib/api-client';\nexport const x = api;";
    expect(await problemsIn('src/server/routes/x.routes.ts', code)).toEqual([
      'no-restricted-imports',
    ]);
  });

  it('lets a route import the domain, Fastify and Node', async () => {
    const code = [
      "import { randomUUID } from 'node:crypto';",
      "import type { FastifyInstance } from 'fastify';",
      "import { brierScore } from '#domain/scoring/brier';",
      'export const register = (app: FastifyInstance): unknown => [app, randomUUID, brierScore];',
    ].join('\n');
    expect(await problemsIn('src/server/routes/x.routes.ts', code)).toEqual([]);
  });
});

describe('each part of the outside world has its one module', () => {
  it.each([
    [
      'fetch in a feature',
      'src/client/features/session-monitor/lib/x.ts',
      "export const get = (): Promise<Response> => fetch('/api');",
    ],
    [
      'window.fetch in a feature',
      'src/client/features/session-monitor/lib/x.ts',
      "export const get = (): Promise<Response> => window.fetch('/api');",
    ],
    [
      'EventSource outside live-stream.ts',
      'src/client/shared/lib/x.ts',
      "export const open = (): EventSource => new EventSource('/api/events');",
    ],
    [
      'localStorage outside the persisted stores',
      'src/client/shared/lib/x.ts',
      "export const read = (): string | null => localStorage.getItem('k');",
    ],
    [
      'globalThis.localStorage',
      'src/client/app/x.ts',
      "export const read = (): string | null => globalThis.localStorage.getItem('k');",
    ],
    [
      'process.env in a route',
      'src/server/routes/x.routes.ts',
      'export const port = (): string | undefined => process.env.PORT;',
    ],
  ])('refuses %s', async (_what, filePath, code) => {
    const problems = await problemsIn(filePath, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^no-restricted-(globals|properties)$/);
  });

  it('refuses importing node:process in a route', async () => {
    const code =
      "import { env } from 'node:process';\nexport const port = (): string | undefined => env.PORT;";
    expect(await problemsIn('src/server/routes/x.routes.ts', code)).toEqual([
      'no-restricted-syntax',
    ]);
  });

  it.each([
    [
      'fetch',
      'src/client/shared/lib/api-client.ts',
      "export const get = (): Promise<Response> => fetch('/api');",
    ],
    [
      'EventSource',
      'src/client/shared/lib/live-stream.ts',
      "export const open = (): EventSource => new EventSource('/api/events');",
    ],
    [
      'localStorage',
      'src/client/features/live-session/stores/outbox-store.ts',
      "export const read = (): string | null => localStorage.getItem('k');",
    ],
    [
      'process',
      'src/server/config.ts',
      'export const port = (): string | undefined => process.env.PORT;',
    ],
    [
      'process',
      'src/server/test/x.ts',
      'export const url = (): string | undefined => process.env.TEST_DATABASE_URL;',
    ],
  ])('lets %s be used in %s', async (_global, filePath, code) => {
    expect(await problemsIn(filePath, code)).toEqual([]);
  });
});

describe('import cycles', () => {
  it('are refused, through values and through types alike', async () => {
    const results = await eslint.lintFiles([`${FIXTURES}/*.ts`]);
    const problems = results.map((result) => [
      path.relative(ROOT, result.filePath),
      result.messages.map((m) => m.ruleId),
    ]);
    expect(Object.fromEntries(problems)).toEqual({
      [`${FIXTURES}/cycle-a.ts`]: ['import-x/no-cycle'],
      [`${FIXTURES}/cycle-b.ts`]: ['import-x/no-cycle'],
      [`${FIXTURES}/type-cycle-a.ts`]: ['local/type-import-cycle'],
      [`${FIXTURES}/type-cycle-b.ts`]: ['local/type-import-cycle'],
    });
  });
});
