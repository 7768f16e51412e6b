import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The project's lint rules (eslint.config.js) run on code given as text, for the tests that
 * prove each rule still refuses what it should (src/*.lint.test.ts, src/lint-rules.test.ts).
 * Type-aware rules are left out: the code needs no type information, and most of it exists only
 * as text. No file is ignored: src/test-fixtures/lint breaks the rules on purpose.
 */
export const ROOT = path.resolve(import.meta.dirname, '..');

const eslintOf = (fix: boolean) =>
  new ESLint({
    cwd: ROOT,
    ignore: false,
    fix,
    overrideConfig: tseslint.configs.disableTypeChecked,
  });

let checker: ESLint | undefined;

/** The project's ESLint, made once. */
export const projectEslint = (): ESLint => (checker ??= eslintOf(false));

/** The rules that `code` breaks as if it were the file at `filePath`, one entry per problem. */
export async function problemsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await projectEslint().lintText(code, { filePath: path.join(ROOT, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `not linted: ${m.message}`);
}

/** `code` as the rules' fixes leave it, as if it were the file at `filePath`. */
export async function fixedCode(filePath: string, code: string): Promise<string | undefined> {
  const [result] = await eslintOf(true).lintText(code, { filePath: path.join(ROOT, filePath) });
  return result?.output;
}

/** A file in each layer of the client, as `[layer, file]`, for the rules that hold in all of it. */
export const CLIENT_FILES = [
  ['a feature', 'src/client/features/lesson-library/components/x.tsx'],
  ['shared code', 'src/client/shared/lib/x.ts'],
  ['app', 'src/client/app/x.tsx'],
] as const;
