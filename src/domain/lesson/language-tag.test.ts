import { describe, expect, it } from 'vitest';
import { languageSchema } from './lesson-schema';

describe("a lesson's language (BCP 47)", () => {
  it.each(['en', 'es', 'fr-CA', 'pt-BR', 'es-419', 'zh-Hant', 'zh-Hant-TW', 'haw'])(
    'takes %s',
    (tag) => {
      expect(languageSchema.parse(tag)).toBe(tag);
    },
  );

  it.each(['English', 'fr_CA', 'FR', 'fr-ca', 'e', 'en-', 'en-US-x', ''])(
    'refuses %j, saying what a tag looks like',
    (tag) => {
      const result = languageSchema.safeParse(tag);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        'must be a BCP 47 language tag: a language code of 2 or 3 lowercase letters, then optionally a region, e.g. "en", "es" or "fr-CA"',
      );
    },
  );
});
