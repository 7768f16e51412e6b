import type { z } from 'zod';

/**
 * Zod's messages in plain words, for a teacher publishing from the editor or importing a file.
 * Each one reads after the field's name ("Section 1, summary: is missing: it should be a text").
 * Messages the lesson schema sets itself ("must not be empty") are kept: zod prefers them over
 * this map. No message speaks of the file's notation ("{ }", "[ ]", "object", "regex").
 */

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  record: 'a group of fields',
  tuple: 'a list',
  date: 'a date',
};

const FORMATS: Readonly<Record<string, string>> = {
  date: 'a date written YYYY-MM-DD, e.g. "2020-01-03"',
  url: 'a full web address, e.g. "https://example.org/article"',
  email: 'an email address, e.g. "name@example.org"',
};

function describeInput(input: unknown): string {
  if (input === null) return 'empty (null)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'a text';
  if (typeof input === 'object') return 'a group of fields';
  if (typeof input === 'number') return `the number ${input}`;
  if (typeof input === 'boolean') return input ? 'true' : 'false';
  return 'something else';
}

const quoted = (values: readonly unknown[]): string =>
  values.map((value) => JSON.stringify(value)).join(', ');

function count(size: number | bigint, one: string, many: string): string {
  return `${size} ${size === 1 ? one : many}`;
}

/** What a field holds, for a message about its size: a list's entries, a text's characters. */
function unitsOf(origin: string): readonly [string, string] | null {
  if (origin === 'array' || origin === 'set') return ['entry', 'entries'];
  if (origin === 'string') return ['character', 'characters'];
  return null;
}

/**
 * The message for one problem zod finds in a lesson, in plain words; `undefined` only for a
 * custom problem, whose message the schema wrote.
 */
export function teacherMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? 'a value of another kind';
      return issue.input === undefined
        ? `is missing: it should be ${expected}`
        : `should be ${expected}, not ${describeInput(issue.input)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoted(issue.values)}`
        : `must be one of ${quoted(issue.values)}`;
    case 'invalid_union':
      return Array.isArray(issue.options) && issue.options.length > 0
        ? `must be one of ${quoted(issue.options)}`
        : 'does not match any of the forms allowed here';
    case 'invalid_format':
      return FORMATS[issue.format]
        ? `must be ${FORMATS[issue.format]}`
        : 'is not written the way this field needs';
    case 'too_small': {
      const units = unitsOf(issue.origin);
      if (units) return `needs at least ${count(issue.minimum, ...units)}`;
      return issue.inclusive
        ? `must be at least ${issue.minimum}`
        : `must be more than ${issue.minimum}`;
    }
    case 'too_big': {
      const units = unitsOf(issue.origin);
      if (issue.origin === 'string') {
        return `is longer than ${count(issue.maximum, 'character', 'characters')}`;
      }
      if (units) return `has more than ${count(issue.maximum, ...units)}`;
      return issue.inclusive
        ? `must be at most ${issue.maximum}`
        : `must be less than ${issue.maximum}`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} this app does not know: ${quoted(issue.keys)}`;
    case 'invalid_key':
      return 'has a field whose name is not allowed here';
    case 'invalid_element':
      return 'holds an entry that is not allowed here';
    case 'custom':
      return undefined;
  }
}
