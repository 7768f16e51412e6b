import type { ItemKind } from '#domain/lesson/lesson-schema';

/**
 * A light check of a shared lesson as the server (or the service worker's copy) sent it: the
 * fields the self-study pages read, without zod and the contract's schemas, which would add a
 * third to the student's first download. The server sent it through the contract's schema
 * (studentLessonVersionSchema); this catches what a newer server or a damaged copy would get wrong, so
 * a page never renders from a lesson it misread. It checks that each required field is there
 * with the right type; not lengths, patterns, enumerations or optional fields.
 */

/** A field's expected type: text, a number, true/false, an object of fields, or a list of one. */
export type Shape =
  'text' | 'number' | 'boolean' | { readonly [field: string]: Shape } | readonly [Shape];

const option = { id: 'text', label: 'text' } as const;
// Without the answer keys (resolutions, sortings, model answers): they come item by item.
const scenario = { id: 'text', statement: 'text' } as const;
const claim = { id: 'text', quote: 'text' } as const;
const criterion = { id: 'text', criterion: 'text', points: 'number' } as const;
const seedStatement = { id: 'text', text: 'text' } as const;

/**
 * Each item kind's required fields, besides its `id` and `kind`. Typed by the lesson schema's
 * kinds (a type-only import: no zod in the student's download), so a kind added to the schema
 * does not compile until it has its shape here; a unit test checks each shape against the
 * kind's schema.
 */
export const ITEM_SHAPES: Readonly<Record<ItemKind, Shape>> = {
  prompt: { question: 'text', level: 'text' },
  poll: { question: 'text', mode: 'text', options: [option] },
  scale: { statement: 'text' },
  forecast: { question: 'text', asOf: 'text', horizon: 'text', scenarios: [scenario] },
  claimCheck: { instructions: 'text', claims: [claim] },
  writing: { task: 'text', rubric: [criterion] },
  statements: { question: 'text', seedStatements: [seedStatement], requireApproval: 'boolean' },
};

const isItemKind = (kind: string): kind is ItemKind => Object.hasOwn(ITEM_SHAPES, kind);

const LESSON_VERSION: Shape = {
  lessonId: 'text',
  versionId: 'text',
  version: 'number',
  publishedAt: 'text',
  lesson: {
    schemaVersion: 'number',
    id: 'text',
    metadata: {
      title: 'text',
      subtitle: 'text',
      source: {
        publication: 'text',
        headline: 'text',
        published: 'text',
        authorDescription: 'text',
      },
    },
    sections: [
      {
        id: 'text',
        title: 'text',
        paragraphs: [{ text: 'text' }],
        // Each item is checked against its kind's shape (ITEM_SHAPES).
        items: [{ id: 'text', kind: 'text' }],
        summary: 'text',
      },
    ],
    glossary: [{ id: 'text', term: 'text', matches: ['text'], definition: 'text' }],
  },
};

const TYPE_NAMES = { text: 'string', number: 'number', boolean: 'boolean' } as const;

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function problemOf(value: unknown, shape: Shape, path: string): string | null {
  if (typeof shape === 'string') {
    return typeof value === TYPE_NAMES[shape] ? null : `${path}: not ${shape}`;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return `${path}: not a list`;
    for (const [index, entry] of value.entries()) {
      const problem = problemOf(entry, shape[0] as Shape, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (!isObject(value)) return `${path}: not an object`;
  for (const [field, fieldShape] of Object.entries(shape)) {
    const problem = problemOf(value[field], fieldShape, `${path}.${field}`);
    if (problem) return problem;
  }
  // An item's fields depend on its kind.
  if (typeof value.kind === 'string' && 'kind' in shape) {
    return isItemKind(value.kind)
      ? problemOf(value, ITEM_SHAPES[value.kind], path)
      : `${path}.kind: unknown (${value.kind})`;
  }
  return null;
}

/** What is wrong with a shared lesson's answer, or null when the pages can read it. */
export function lessonVersionProblem(value: unknown): string | null {
  const problem = problemOf(value, LESSON_VERSION, 'answer');
  if (problem) return problem;
  // Pages show a lesson's first section and count on one at least.
  return isObject(value) &&
    isObject(value.lesson) &&
    Array.isArray(value.lesson.sections) &&
    value.lesson.sections.length > 0
    ? null
    : 'answer.lesson.sections: empty';
}
