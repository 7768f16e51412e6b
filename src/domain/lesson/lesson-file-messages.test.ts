import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { teacherMessage } from './lesson-file-messages';
import { lessonSchema } from './lesson-schema';

/** The messages a value gets from a schema, in the teacher's words. */
function messagesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, { error: teacherMessage });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** What a message must never say: the file's notation, or zod's own words. */
const NOTATION = /[{}[\]]|\bobject\b|\bexpected\b|\bregex\b|\bstring\b|\barray\b|\binvalid\b/i;

const example: unknown = JSON.parse(
  readFileSync(new URL('../../../docs/examples/small-lesson.json', import.meta.url), 'utf8'),
);

describe('teacherMessage: each kind of problem zod finds, in plain words', () => {
  it.each([
    ['a missing text', z.object({ a: z.string() }), {}, 'is missing: it should be a text'],
    ['a missing list', z.object({ a: z.array(z.string()) }), {}, 'is missing: it should be a list'],
    [
      'a missing group of fields',
      z.object({ a: z.object({}) }),
      {},
      'is missing: it should be a group of fields',
    ],
    [
      'a missing yes or no',
      z.object({ a: z.boolean() }),
      {},
      'is missing: it should be true or false',
    ],
    ['a number given as text', z.number(), '3', 'should be a number, not a text'],
    [
      'a whole number given a fraction',
      z.int(),
      1.5,
      'should be a whole number, not the number 1.5',
    ],
    ['a list given a group', z.array(z.string()), {}, 'should be a list, not a group of fields'],
    ['a group given a list', z.object({}), [], 'should be a group of fields, not a list'],
    ['a text given null', z.string(), null, 'should be a text, not empty (null)'],
    ['true or false given a number', z.boolean(), 1, 'should be true or false, not the number 1'],
    [
      'a kind of value it has no word for',
      z.bigint(),
      'x',
      'should be a value of another kind, not a text',
    ],
    ['one allowed value', z.literal(4), 5, 'must be 4'],
    ['one of a list of words', z.enum(['a', 'b']), 'c', 'must be one of "a", "b"'],
    [
      'an item of an unknown kind',
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('poll') }),
        z.object({ kind: z.literal('scale') }),
      ]),
      { kind: 'quiz' },
      'must be one of "poll", "scale"',
    ],
    [
      'none of the forms allowed',
      z.union([z.string(), z.number()]),
      true,
      'does not match any of the forms allowed here',
    ],
    ['a date', z.iso.date(), '31/12/2025', 'must be a date written YYYY-MM-DD, e.g. "2020-01-03"'],
    [
      'a web address',
      z.url(),
      'nope',
      'must be a full web address, e.g. "https://example.org/article"',
    ],
    [
      'a pattern of its own',
      z.string().regex(/^a$/),
      'b',
      'is not written the way this field needs',
    ],
    ['too short a list', z.array(z.string()).min(2), ['a'], 'needs at least 2 entries'],
    ['an empty list', z.array(z.string()).min(1), [], 'needs at least 1 entry'],
    ['too short a text', z.string().min(3), 'ab', 'needs at least 3 characters'],
    ['too small a number', z.number().min(1), 0, 'must be at least 1'],
    ['not above a number', z.number().gt(0), 0, 'must be more than 0'],
    ['too long a list', z.array(z.string()).max(1), ['a', 'b'], 'has more than 1 entry'],
    ['too long a text', z.string().max(2), 'abc', 'is longer than 2 characters'],
    ['too large a number', z.number().max(240), 241, 'must be at most 240'],
    ['not below a number', z.number().lt(10), 10, 'must be less than 10'],
    ['not a multiple', z.number().multipleOf(5), 3, 'must be a multiple of 5'],
    [
      'a field it does not know',
      z.strictObject({}),
      { color: 'red' },
      'has a field this app does not know: "color"',
    ],
    [
      'a field name not allowed',
      z.record(z.string().regex(/^a/), z.number()),
      { b: 1 },
      'has a field whose name is not allowed here',
    ],
    [
      'an entry not allowed',
      // A value whose key is not a field name (an object): zod cannot point at its path.
      z.map(z.unknown(), z.number()),
      new Map([[{}, 'x']]),
      'holds an entry that is not allowed here',
    ],
  ])('%s', (_what, schema, value, message) => {
    const messages = messagesOf(schema, value);
    expect(messages).toStrictEqual([message]);
    expect(message).not.toMatch(NOTATION);
  });

  it('keeps the message a schema writes itself', () => {
    const schema = z.string().refine((text) => text === 'yes', 'must say yes');
    expect(messagesOf(schema, 'no')).toStrictEqual(['must say yes']);
    expect(messagesOf(z.string().min(1, 'must not be empty'), '')).toStrictEqual([
      'must not be empty',
    ]);
  });

  it('speaks no notation for any field of a lesson left out or of the wrong kind', () => {
    const broken: unknown[] = [];
    /** Every copy of the lesson with one field removed, or given a value of another kind. */
    const visit = (value: unknown, replace: (next: unknown) => unknown): void => {
      const wrong = Array.isArray(value) ? {} : typeof value === 'object' ? [] : { x: 1 };
      broken.push(replace(wrong), replace(null), replace(typeof value === 'string' ? 7 : 'x'));
      if (Array.isArray(value)) {
        const entries: readonly unknown[] = value;
        entries.forEach((entry, i) => {
          visit(entry, (next) => replace(entries.map((e, j) => (i === j ? next : e))));
        });
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, entry] of Object.entries(value)) {
          broken.push(
            replace(Object.fromEntries(Object.entries(value).filter(([k]) => k !== key))),
          );
          visit(entry, (next) => replace({ ...value, [key]: next }));
        }
      }
    };
    visit(example, (next) => next);
    expect(broken.length).toBeGreaterThan(450);
    const messages = new Set(broken.flatMap((lesson) => messagesOf(lessonSchema, lesson)));
    expect(messages.size).toBeGreaterThan(10);
    expect([...messages].filter((message) => NOTATION.test(message))).toStrictEqual([]);
  });
});
