import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { itemSchema, type Lesson } from '#domain/lesson/lesson-schema';
import { lessonVersionSchema } from '#domain/api/lesson-library-contracts';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { statementsLesson } from '#test-fixtures/lessons/statements-lesson';
import { ITEM_SHAPES, lessonVersionProblem, type Shape } from './lesson-version-check';

const version = {
  lessonId: soleimaniLesson.id,
  versionId: 'v1',
  version: 1,
  publishedAt: '2026-11-26T12:00:00.000Z',
  lesson: soleimaniLesson,
};

/** The version with one change made to a copy of it. */
function changed(change: (copy: typeof version) => void): unknown {
  const copy = structuredClone(version);
  change(copy);
  return copy;
}

/** The shipped lesson with class statements added and its forecast's scenarios not resolved. */
function everyKindLesson(): Lesson {
  const withStatements = statementsLesson();
  return {
    ...withStatements,
    sections: [
      ...withStatements.sections,
      ...soleimaniLesson.sections.slice(1).map((section) => ({
        ...section,
        items: section.items.map((item) =>
          item.kind === 'forecast'
            ? { ...item, scenarios: item.scenarios.map(({ resolution: _r, ...s }) => s) }
            : item,
        ),
      })),
    ],
  };
}

/** The names of the fields a zod object requires (not optional), with their schemas. */
function requiredFields(schema: z.core.$ZodType): Map<string, z.core.$ZodType> {
  const { def } = schema._zod;
  if (def.type !== 'object') throw new Error(`not an object schema: ${def.type}`);
  const shape = (def as z.core.$ZodObjectDef).shape;
  return new Map(Object.entries(shape).filter(([, field]) => field._zod.optin !== 'optional'));
}

/** Where a light shape disagrees with the schema: a field it requires that the schema does not. */
function disagreements(shape: Shape, schema: z.core.$ZodType, path: string): string[] {
  const { def } = schema._zod;
  if (shape === 'text' || shape === 'number' || shape === 'boolean') {
    // Text is any string: a free text, or one of a list of words (an enum of strings).
    const types = { text: ['string', 'enum'], number: ['number'], boolean: ['boolean'] }[shape];
    return types.includes(def.type) ? [] : [`${path}: ${shape}, but the schema has ${def.type}`];
  }
  if (Array.isArray(shape)) {
    if (def.type !== 'array') return [`${path}: a list, but the schema has ${def.type}`];
    return disagreements(shape[0] as Shape, (def as z.core.$ZodArrayDef).element, `${path}[]`);
  }
  const required = requiredFields(schema);
  return Object.entries(shape).flatMap(([field, fieldShape]) => {
    const fieldSchema = required.get(field);
    return fieldSchema
      ? disagreements(fieldShape, fieldSchema, `${path}.${field}`)
      : [`${path}.${field}: not a required field of the schema`];
  });
}

describe('lessonVersionProblem: the self-study pages’ light check of a shared lesson', () => {
  it('accepts what the contract’s schema accepts: the shipped lesson as the server sends it', () => {
    expect(lessonVersionSchema.safeParse(version).success).toBe(true);
    expect(lessonVersionProblem(JSON.parse(JSON.stringify(version)))).toBeNull();
  });

  it('accepts a lesson with class statements and a forecast not resolved yet', () => {
    const shared = { ...version, lesson: everyKindLesson() };
    expect(lessonVersionSchema.safeParse(shared).success).toBe(true);
    expect(lessonVersionProblem(JSON.parse(JSON.stringify(shared)))).toBeNull();
  });

  it('knows every item kind of the lesson schema, and requires only what each kind requires', () => {
    const kinds = itemSchema.options.map((option) => option.shape.kind.value);
    expect(Object.keys(ITEM_SHAPES).sort()).toEqual([...kinds].sort());
    for (const option of itemSchema.options) {
      const kind = option.shape.kind.value;
      expect(disagreements(ITEM_SHAPES[kind], option, kind)).toEqual([]);
    }
  });

  it.each([
    ['not an object', 'a lesson', 'answer: not an object'],
    [
      'no lesson',
      changed((v) => Reflect.deleteProperty(v, 'lesson')),
      'answer.lesson: not an object',
    ],
    [
      'a version that is not a number',
      changed((v) => Object.assign(v, { version: '1' })),
      'answer.version: not number',
    ],
    [
      'no sections',
      changed((v) => Object.assign(v.lesson, { sections: [] })),
      'answer.lesson.sections: empty',
    ],
    [
      'an item of an unknown kind',
      changed((v) => Object.assign(v.lesson.sections[1]!.items[0]!, { kind: 'quiz' })),
      'answer.lesson.sections[1].items[0].kind: unknown (quiz)',
    ],
    [
      'a poll without options',
      changed((v) => {
        const poll = v.lesson.sections.flatMap((s) => s.items).find((i) => i.kind === 'poll');
        Object.assign(poll!, { options: undefined });
      }),
      /\.options: not a list$/,
    ],
    [
      'an item kind that is a property of every object',
      changed((v) => Object.assign(v.lesson.sections[0]!.items[0]!, { kind: 'constructor' })),
      'answer.lesson.sections[0].items[0].kind: unknown (constructor)',
    ],
    [
      'a forecast scenario without its statement',
      changed((v) => {
        const forecast = v.lesson.sections
          .flatMap((s) => s.items)
          .find((i) => i.kind === 'forecast');
        if (forecast?.kind !== 'forecast') throw new Error('no forecast');
        Reflect.deleteProperty(forecast.scenarios[0]!, 'statement');
      }),
      /\.scenarios\[0\]\.statement: not text$/,
    ],
    [
      'class statements whose seed statements are not a list',
      changed((v) => {
        const lesson = everyKindLesson();
        const statements = lesson.sections[0]!.items.find((i) => i.kind === 'statements');
        Object.assign(statements!, { seedStatements: 'none' });
        Object.assign(v, { lesson });
      }),
      /\.seedStatements: not a list$/,
    ],
    [
      'a section without its summary',
      changed((v) => Reflect.deleteProperty(v.lesson.sections[2]!, 'summary')),
      'answer.lesson.sections[2].summary: not text',
    ],
    [
      'a paragraph without text',
      changed((v) => Object.assign(v.lesson.sections[0]!.paragraphs[0]!, { text: 42 })),
      'answer.lesson.sections[0].paragraphs[0].text: not text',
    ],
    [
      'a glossary term whose matches are not a list',
      changed((v) => Object.assign(v.lesson.glossary[0]!, { matches: 'redline' })),
      'answer.lesson.glossary[0].matches: not a list',
    ],
  ])('names the first field that is wrong: %s', (_what, value, problem) => {
    const found = lessonVersionProblem(value);
    if (typeof problem === 'string') expect(found).toBe(problem);
    else expect(found).toMatch(problem);
    // What the light check refuses, the contract refuses too.
    expect(lessonVersionSchema.safeParse(value).success).toBe(false);
  });
});
