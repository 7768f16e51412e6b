import { describe, expect, it } from 'vitest';
import { CLIENT_FILES, problemsIn } from './lint-problems';

/**
 * The drafter's lint rules (issue 22), run on code that breaks them, as lint-rules.test.ts does
 * for the other layer rules: the domain may import exactly the pure text packages the drafter
 * and the reading level use, and the client may not import the drafter at all.
 */

describe('the domain imports the pure text packages and nothing more', () => {
  it('lets it import the pure text packages the drafter and the reading level use', async () => {
    const code = [
      "import nlp from 'compromise';",
      "import datesPlugin from 'compromise-dates';",
      "import { fleschKincaid } from 'flesch-kincaid';",
      "import { syllable } from 'syllable';",
      'export const x = [nlp, datesPlugin, fleschKincaid, syllable];',
    ].join('\n');
    expect(await problemsIn('src/domain/drafting/x.ts', code)).toEqual([]);
  });

  it('refuses a package merely named like an allowed one', async () => {
    const code = "import x from 'compromise-speech';\nexport const y = x;";
    expect(await problemsIn('src/domain/drafting/x.ts', code)).toEqual(['no-restricted-imports']);
  });
});

describe('the drafter stays on the server', () => {
  it.each(CLIENT_FILES)('is refused to %s, values and types alike', async (_where, filePath) => {
    const byAlias =
      "import { draftLesson } from '#domain/drafting/draft-lesson';\nexport const x = draftLesson;";
    const byType =
      "import type { Article } from '#domain/drafting/article';\nexport type X = Article;";
    expect(await problemsIn(filePath, byAlias)).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await problemsIn(filePath, byType)).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
  });

  it('is refused by a relative path too', async () => {
    const code =
      "import { draftLesson } from '../../../domain/drafting/draft-lesson';\nexport const x = draftLesson;";
    expect(await problemsIn('src/client/shared/lib/x.ts', code)).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
  });

  it('is refused to a lazy import() too', async () => {
    const code =
      "export const load = (): Promise<unknown> => import('#domain/drafting/draft-lesson');";
    expect(await problemsIn('src/client/features/lesson-library/lib/x.ts', code)).toEqual([
      'no-restricted-syntax',
    ]);
  });

  it('leaves the client refusing node:process', async () => {
    const code = "import { env } from 'node:process';\nexport const x = env;";
    expect(await problemsIn('src/client/shared/lib/x.ts', code)).toEqual(['no-restricted-syntax']);
  });

  it('is open to the server', async () => {
    const code =
      "import { draftLesson } from '#domain/drafting/draft-lesson';\nexport const x = draftLesson;";
    expect(await problemsIn('src/server/services/x.ts', code)).toEqual([]);
  });
});
