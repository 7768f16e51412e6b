import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import { exportLessonFile } from './lesson-file';
import {
  LESSON_FILE_SCHEMA_ID,
  lessonFileJsonSchema,
  lessonFileJsonSchemaText,
} from './lesson-json-schema';

const readRepoFile = (path: string) =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

const keptSchemaText = readRepoFile('public/lesson-file.schema.json');
const exampleText = readRepoFile('docs/examples/small-lesson.json');

/** Strict: a keyword ajv does not know is an error, so a schema it half understands fails here. */
function compileKeptSchema() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  return ajv.compile(JSON.parse(keptSchemaText) as object);
}

describe('the lesson file’s JSON Schema', () => {
  it('kept in public/ is the one the zod schema generates now (else run: npm run lesson-schema)', () => {
    expect(
      keptSchemaText,
      'public/lesson-file.schema.json is out of date: run `npm run lesson-schema` and commit it',
    ).toBe(lessonFileJsonSchemaText());
  });

  it('names itself and says what it cannot check', () => {
    expect(lessonFileJsonSchema()).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: LESSON_FILE_SCHEMA_ID,
      title: 'Article Discussion lesson file, version 7',
      description: expect.stringContaining('unique') as string,
      required: expect.arrayContaining(['format', 'schemaVersion', 'sections']) as string[],
    });
  });

  it('accepts the shipped lesson and the small example as exported', () => {
    const validate = compileKeptSchema();
    for (const file of [exportLessonFile(soleimaniLesson), exampleText]) {
      expect(validate(JSON.parse(file)), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });

  it('refuses a broken lesson, naming the broken fields', () => {
    const validate = compileKeptSchema();
    const broken = JSON.parse(exportLessonFile(soleimaniLesson)) as {
      format: string;
      sections: { items: { kind: string }[]; summary?: string }[];
    };
    broken.format = 'slides';
    delete broken.sections[0]!.summary;
    broken.sections[1]!.items[0]!.kind = 'essay';
    expect(validate(broken)).toBe(false);
    const failed = new Set(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`));
    expect(failed).toContain('/format const');
    expect(failed).toContain('/sections/0 required');
    expect(failed).toContain('/sections/1/items/0 oneOf');
  });

  it('refuses a wrong version, an id with capitals, a date in another form, a bad language', () => {
    const validate = compileKeptSchema();
    const file = exampleText
      .replace('"schemaVersion": 7', '"schemaVersion": 1')
      .replace('"language": "en"', '"language": "English"')
      .replace('"minWords": 15', '"minWords": 15, "searches": 0')
      .replace('"extension": true', '"extension": "yes"')
      .replace('"id": "decision"', '"id": "Decision"')
      .replace('"horizon": "2025-12-31"', '"horizon": "31/12/2025"');
    expect(validate(JSON.parse(file))).toBe(false);
    const failed = validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`) ?? [];
    expect(failed).toEqual(
      expect.arrayContaining([
        '/schemaVersion const',
        '/sections/0/id pattern',
        '/sections/1/items/3/horizon format',
        '/metadata/language pattern',
        '/sections/0/items/0/guidance/searches minimum',
        '/sections/1/items/2/extension type',
      ]),
    );
  });
});
