import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The server's floors (SERVER_FLOORS in eslint.config.js), run on code that breaks them, as
 * lint-rules.test.ts does for the other layer rules: a change to the config cannot switch one
 * off unnoticed.
 */
const ROOT = path.resolve(import.meta.dirname, '..');

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: tseslint.configs.disableTypeChecked,
  });
});

/** The rules that `code` breaks as if it were the file at `filePath`, one entry per problem. */
async function problemsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `not linted: ${m.message}`);
}

// ---- Server floors (issue 28): an upward import between server floors is refused.
describe('server floors', () => {
  const importing = (specifier: string, name: string) =>
    `import { ${name} } from '${specifier}';\nexport const x = ${name};`;

  it.each([
    ['lib', 'the live hub', 'src/server/lib/x.ts', importing('../live/live-hub', 'LiveHub')],
    [
      'lib',
      'a repository',
      'src/server/lib/x.ts',
      importing('../repositories/participants.repository', 'listParticipants'),
    ],
    [
      'a repository',
      'a service',
      'src/server/repositories/x.repository.ts',
      importing('../services/class-sessions', 'ClassSessions'),
    ],
    [
      'a repository',
      'the live hub',
      'src/server/repositories/x.repository.ts',
      importing('../live/live-hub', 'LiveHub'),
    ],
    [
      'the live hub',
      'a service',
      'src/server/live/x.ts',
      importing('../services/wall-keys', 'WallKeys'),
    ],
    [
      'a service',
      'a route',
      'src/server/services/x.ts',
      importing('../routes/contract-route', 'addRoute'),
    ],
    [
      'a route',
      'a repository, to call it',
      'src/server/routes/x.routes.ts',
      importing('../repositories/answers.repository', 'listSessionAnswers'),
    ],
    ['a route', 'the database', 'src/server/routes/x.routes.ts', importing('../db/database', 'x')],
    [
      'db',
      'a repository',
      'src/server/db/x.ts',
      importing('../repositories/answers.repository', 'y'),
    ],
    ['articles', 'a route', 'src/server/articles/x.ts', importing('../routes/x', 'y')],
  ])('refuses %s importing %s', async (_from, _what, filePath, code) => {
    expect(await problemsIn(filePath, code)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  it.each([
    [
      'a route',
      'a service',
      'src/server/routes/x.routes.ts',
      importing('../services/class-statements', 'statementsItemOf'),
    ],
    [
      'a route',
      "a repository's record type",
      'src/server/routes/x.routes.ts',
      "import type { ClassSessionRecord } from '../repositories/class-sessions.repository';\nexport type X = ClassSessionRecord;",
    ],
    [
      'a service',
      'a repository and the live hub',
      'src/server/services/x.ts',
      [
        "import { listParticipants } from '../repositories/participants.repository';",
        "import { LiveHub } from '../live/live-hub';",
        'export const x = [listParticipants, LiveHub];',
      ].join('\n'),
    ],
    [
      'a repository',
      'the database and a helper',
      'src/server/repositories/x.repository.ts',
      [
        "import { inScopeLock } from '../db/scope-lock';",
        "import { hashToken } from '../lib/secrets';",
        'export const x = [inScopeLock, hashToken];',
      ].join('\n'),
    ],
    ['a service', 'articles', 'src/server/services/x.ts', importing('../articles/x', 'y')],
    [
      'a plugin',
      'a service',
      'src/server/plugins/x.ts',
      importing('../services/services', 'createServices'),
    ],
  ])('lets %s import %s', async (_from, _what, filePath, code) => {
    expect(await problemsIn(filePath, code)).toEqual([]);
  });
});
// ---- end of server floors
