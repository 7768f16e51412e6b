import type { z } from 'zod';

/**
 * Zod's messages in words a teacher editing a lesson file understands. Each one reads after the
 * field's path ("sections[0].summary is missing: text expected"). Messages the lesson schema sets
 * itself ("must not be empty") are kept: zod prefers them over this map.
 */

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text in quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list in [ ]',
  object: 'a group of fields in { }',
};

const FORMATS: Readonly<Record<string, string>> = {
  date: 'a date written YYYY-MM-DD, e.g. "2020-01-03"',
  url: 'a full web address, e.g. "https://example.org/article"',
};

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'object') return 'a group of fields';
  if (typeof input === 'number') return `the number ${input}`;
  if (typeof input === 'boolean') return input ? 'true' : 'false';
  return typeof input;
}

const quoted = (values: readonly unknown[]): string =>
  values.map((value) => JSON.stringify(value)).join(', ');

function count(size: number | bigint, one: string, many: string): string {
  return `${size} ${size === 1 ? one : many}`;
}

export function teacherMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return issue.input === undefined
        ? `is missing: ${expected} expected`
        : `should be ${expected}, not ${describeInput(issue.input)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoted(issue.values)}`
        : `must be one of ${quoted(issue.values)}`;
    case 'invalid_union':
      return Array.isArray(issue.options)
        ? `must be one of ${quoted(issue.options)}`
        : 'does not match any of the forms allowed here';
    case 'invalid_format':
      return `must be ${FORMATS[issue.format] ?? `in the ${issue.format} format`}`;
    case 'too_small':
      if (issue.origin === 'array')
        return `needs at least ${count(issue.minimum, 'entry', 'entries')}`;
      if (issue.origin === 'string') {
        return `needs at least ${count(issue.minimum, 'character', 'characters')}`;
      }
      return issue.inclusive
        ? `must be at least ${issue.minimum}`
        : `must be more than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array')
        return `has more than ${count(issue.maximum, 'entry', 'entries')}`;
      if (issue.origin === 'string') {
        return `is longer than ${count(issue.maximum, 'character', 'characters')}`;
      }
      return issue.inclusive
        ? `must be at most ${issue.maximum}`
        : `must be less than ${issue.maximum}`;
    default:
      return undefined;
  }
}
