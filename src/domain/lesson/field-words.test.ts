import { describe, expect, it } from 'vitest';
import { FIELD_WORDS, fieldInWords, INDEXED_WORDS, parseFieldPath } from './field-words';
import { lessonFileJsonSchema } from './lesson-json-schema';

/** Every field name of the lesson file, and the names of those that are lists. */
function fieldNames(schema: unknown, names = new Map<string, boolean>()): Map<string, boolean> {
  if (Array.isArray(schema)) {
    schema.forEach((entry) => fieldNames(entry, names));
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) {
        for (const [name, field] of Object.entries(value as Record<string, { type?: unknown }>)) {
          names.set(name, (names.get(name) ?? false) || field.type === 'array');
        }
      }
      fieldNames(value, names);
    }
  }
  return names;
}

describe('a lesson’s field paths in the editor’s words', () => {
  it('has words for every field of the lesson file, and for each entry of every list', () => {
    const names = fieldNames(lessonFileJsonSchema());
    expect(names.size).toBeGreaterThan(30);
    expect([...names.keys()].filter((name) => !Object.hasOwn(FIELD_WORDS, name))).toStrictEqual([]);
    const lists = [...names].filter(([, isList]) => isList).map(([name]) => name);
    expect(lists.filter((name) => !Object.hasOwn(INDEXED_WORDS, name))).toStrictEqual([]);
  });

  it('names a field as the editor shows it', () => {
    const words = (path: string) => fieldInWords(parseFieldPath(path));
    expect(words('sections[2].items[0].scenarios[0].resolution')).toBe(
      'Section 3, item 1, scenario 1, resolution',
    );
    expect(words('sections[2].items[0].scenarios[0].resolution.happened')).toBe(
      'Section 3, item 1, scenario 1, resolution, did it happen',
    );
    expect(words('sections[0].items[1].scenarios[1].lessonReading.reason')).toBe(
      'Section 1, item 2, scenario 2, lesson’s reading, reason',
    );
    expect(words('sections[1].items[3].seedStatements[0].text')).toBe(
      'Section 2, item 4, statement 1, text',
    );
    expect(words('sections[1].items[2].rubric[1].points')).toBe(
      'Section 2, item 3, criterion 2, points',
    );
    expect(words('sections[1].items[2].rubric[1].levels[2]')).toBe(
      'Section 2, item 3, criterion 2, level 3',
    );
    expect(words('sections[1].items[2].rubric[1].levels')).toBe(
      'Section 2, item 3, criterion 2, levels',
    );
    expect(words('metadata.source.authorDescription')).toBe('Lesson author');
    expect(words('metadata.source')).toBe('The article’s source');
    expect(words('glossary[0].matches[1]')).toBe('Glossary term 1, form 2');
    expect(words('schemaVersion')).toBe('Format version');
    expect(words('')).toBe('The lesson');
    // A drafted mark is named by the part it marks.
    expect(words('sections[0].items[1].claims[2].drafted')).toBe('Section 1, item 2, claim 3');
    expect(words('glossary[3].drafted')).toBe('Glossary term 4');
    expect(words('metadata.drafted')).toBe('The lesson’s details');
    expect(words('metadata.language')).toBe('Lesson language');
  });

  it('reads a path into its parts, quoted keys included', () => {
    expect(parseFieldPath('sections[2].items[0].guidance.minWords')).toEqual([
      'sections',
      2,
      'items',
      0,
      'guidance',
      'minWords',
    ]);
    expect(parseFieldPath('')).toEqual([]);
    expect(parseFieldPath('metadata["odd key"]')).toEqual(['metadata', 'odd key']);
  });
});
