import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonDuration } from './lesson-duration';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import { describeLessonFileProblem, importLessonFile } from './lesson-file';
import { lessonFileJsonSchema } from './lesson-json-schema';

const page = readFileSync(new URL('../../../docs/lesson-format.md', import.meta.url), 'utf8');
const exampleText = readFileSync(
  new URL('../../../docs/examples/small-lesson.json', import.meta.url),
  'utf8',
);

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

  it('shows the problems the example gives when broken as the page says', () => {
    const broken = exampleText
      .replace(/\s*"summary": "The council[^"]*",/, '')
      .replace('"level": "recall"', '"level": "remember"')
      .replace('"horizon": "2025-12-31"', '"horizon": "31/12/2025"');
    const result = importLessonFile(broken);
    const shown = /```text\n([^`]*)```/.exec(page)?.[1];
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(shown).toBe(`${result.problems.map(describeLessonFileProblem).join('\n')}\n`);
  });

  it('gives the example’s minutes as the app computes them', () => {
    const result = importLessonFile(exampleText);
    if (!result.ok) throw new Error('the example does not import');
    const { classroom, selfStudy } = lessonDuration(result.lesson);
    const prose = page.replace(/\s+/g, ' ');
    expect(prose).toContain(
      `so ${classroom.core} minutes, ${classroom.withExtensions} with its extension prompt`,
    );
    expect(prose).toContain(
      `so ${selfStudy.core} minutes (${selfStudy.withExtensions} with its extension item)`,
    );
  });

  it('gives the built-in lesson’s minutes as the app computes them', () => {
    const { classroom, selfStudy } = lessonDuration(soleimaniLesson);
    expect(page.replace(/\s+/g, ' ')).toContain(
      `${classroom.core} minutes in class (${classroom.withExtensions} with its extension items), ${selfStudy.core} on one's own (${selfStudy.withExtensions})`,
    );
  });
});
