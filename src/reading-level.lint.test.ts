import { describe, expect, it } from 'vitest';
import { CLIENT_FILES, problemsIn } from './lint-problems';

/**
 * The rule that keeps the reading level out of the client (eslint.config.js, beside the
 * drafter's, READING_LEVEL_ON_SERVER), run on code that breaks it, as drafter.lint.test.ts does:
 * its `syllable` package would grow every page's first download (issue 22).
 */
const RULE = '@typescript-eslint/no-restricted-imports';

describe('the reading level stays on the server', () => {
  it.each(CLIENT_FILES)(
    'is refused to %s, values, types and re-exports alike',
    async (_where, filePath) => {
      const value =
        "import { readingLevel } from '#domain/lesson/reading-level';\nexport const x = readingLevel;";
      const type =
        "import type { ReadingLevel } from '#domain/lesson/reading-level';\nexport type X = ReadingLevel;";
      const reexport = "export { readingLevel } from '#domain/lesson/reading-level';";
      for (const code of [value, type, reexport]) {
        expect(await problemsIn(filePath, code)).toEqual([RULE]);
      }
    },
  );

  it('is refused to a lazy import() and by a relative path', async () => {
    const lazy =
      "export const load = (): Promise<unknown> => import('#domain/lesson/reading-level');";
    expect(await problemsIn('src/client/features/lesson-library/lib/x.ts', lazy)).toEqual([
      'no-restricted-syntax',
    ]);
    const relative =
      "import { readingLevel } from '../../../domain/lesson/reading-level';\nexport const x = readingLevel;";
    expect(await problemsIn('src/client/shared/lib/x.ts', relative)).toContain(RULE);
  });

  it('leaves the client the rest of the domain, the server and tests the reading level', async () => {
    const duration =
      "import { lessonDuration } from '#domain/lesson/lesson-duration';\nexport const x = lessonDuration;";
    expect(await problemsIn('src/client/features/lesson-library/lib/x.ts', duration)).toEqual([]);
    const level =
      "import { readingLevel } from '#domain/lesson/reading-level';\nexport const x = readingLevel;";
    expect(await problemsIn('src/server/lessons/x.ts', level)).toEqual([]);
    expect(await problemsIn('e2e/x.spec.ts', level)).toEqual([]);
  });
});
