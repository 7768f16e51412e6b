import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonFileJsonSchema } from './lesson-json-schema';

const page = readFileSync(new URL('../../../docs/lesson-format.md', import.meta.url), 'utf8');

/** Every field name the JSON Schema declares, at any depth. */
function fieldNames(schema: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    schema.forEach((entry) => fieldNames(entry, names));
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) {
        Object.keys(value).forEach((name) => names.add(name));
      }
      fieldNames(value, names);
    }
  }
  return names;
}

describe('docs/lesson-format.md', () => {
  it('names every field of the lesson file', () => {
    const names = [...fieldNames(lessonFileJsonSchema())];
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((name) => !page.includes(`\`${name}\``))).toStrictEqual([]);
  });

  it('links the complete example, which the lesson file tests import', () => {
    expect(page).toContain('](examples/small-lesson.json)');
  });
});
