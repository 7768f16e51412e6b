import { describe, expect, it } from 'vitest';
import { migrateLessonV5ToV6 } from './lesson-v5-to-v6';

const metadata = { title: 'T', subtitle: 'S', source: { publication: 'P' } };
const section = (id: string) => ({ id, title: id.toUpperCase(), paragraphs: [], items: [] });

describe('migrateLessonV5ToV6', () => {
  it('writes the language every earlier lesson had, English, and drops the section minutes', () => {
    const before = {
      schemaVersion: 5,
      id: 'hand-made',
      metadata,
      sections: [
        { ...section('a'), minutes: { core: 10, extension: 5 } },
        { ...section('b'), minutes: { core: 3, extension: 0 } },
      ],
      glossary: [],
    };
    expect(migrateLessonV5ToV6(before)).toStrictEqual({
      schemaVersion: 5,
      id: 'hand-made',
      metadata: { ...metadata, language: 'en' },
      sections: [section('a'), section('b')],
      glossary: [],
    });
    // The input is left as it was.
    expect(before.sections[0]).toHaveProperty('minutes.core', 10);
    expect(before.metadata).not.toHaveProperty('language');
  });

  it('keeps a language the lesson already gives, even a wrong one, for the validation to judge', () => {
    const given = migrateLessonV5ToV6({ metadata: { ...metadata, language: 'EN-gb' } });
    expect(given).toStrictEqual({ metadata: { ...metadata, language: 'EN-gb' } });
  });

  it('leaves what it does not understand as it was', () => {
    expect(migrateLessonV5ToV6({ id: 'x', metadata: 'none', sections: 'none' })).toStrictEqual({
      id: 'x',
      metadata: 'none',
      sections: 'none',
    });
    expect(migrateLessonV5ToV6({ sections: [null, 'a', section('c')] })).toStrictEqual({
      sections: [null, 'a', section('c')],
    });
  });
});
