import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatFieldPath,
  MAX_JSON_DEPTH,
  MAX_JSON_FIELD_NAME_LENGTH,
  MAX_JSON_TEXT_LENGTH,
  MAX_JSON_VALUES,
  parseJsonWithLines,
} from './json-positions';

function parseOk(text: string) {
  const result = parseJsonWithLines(text);
  if (!result.ok) throw new Error(`expected valid JSON, got: ${result.message}`);
  return result;
}

function parseError(text: string) {
  const result = parseJsonWithLines(text);
  if (result.ok) throw new Error('expected a syntax error');
  return result;
}

describe('formatFieldPath', () => {
  it('writes fields with dots and list positions in brackets', () => {
    expect(formatFieldPath(['sections', 2, 'items', 0, 'options'])).toBe(
      'sections[2].items[0].options',
    );
    expect(formatFieldPath([])).toBe('');
    expect(formatFieldPath([0, 'id'])).toBe('[0].id');
  });

  it('quotes a field name that is not a plain word, so it cannot be read as a path', () => {
    expect(formatFieldPath(['a b', 'c.d', '0'])).toBe('["a b"]["c.d"]["0"]');
  });
});

describe('parseJsonWithLines', () => {
  it('gives the same value as JSON.parse for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseOk(text).value).toStrictEqual(JSON.parse(text));
      }),
    );
  });

  it('decodes escapes and keeps a field named __proto__ as a plain field', () => {
    const { value } = parseOk('{"t": "a\\n\\u00e9\\"\\\\\\/", "__proto__": {"x": 1}}');
    expect(value).toStrictEqual(
      JSON.parse('{"t": "a\\n\\u00e9\\"\\\\\\/", "__proto__": {"x": 1}}'),
    );
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('skips a byte order mark at the start, as Windows editors write one', () => {
    expect(parseOk('\uFEFF{"a": 1}').value).toStrictEqual({ a: 1 });
  });

  it('finds the line of each field by its path, and of a list entry', () => {
    const text = [
      '{',
      '  "title": "T",',
      '  "sections": [',
      '    {',
      '      "items": [',
      '        { "id": "a" },',
      '        {',
      '          "id": "b",',
      '          "options": []',
      '        }',
      '      ]',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    const { lineOf } = parseOk(text);
    expect(lineOf([])).toBe(1);
    expect(lineOf(['title'])).toBe(2);
    expect(lineOf(['sections'])).toBe(3);
    expect(lineOf(['sections', 0])).toBe(4);
    expect(lineOf(['sections', 0, 'items', 0, 'id'])).toBe(6);
    expect(lineOf(['sections', 0, 'items', 1])).toBe(7);
    expect(lineOf(['sections', 0, 'items', 1, 'options'])).toBe(9);
  });

  it('places a field on the line of its name when its value starts on a later line', () => {
    const { lineOf } = parseOk('{\n  "list":\n\n    [1]\n}');
    expect(lineOf(['list'])).toBe(2);
    expect(lineOf(['list', 0])).toBe(4);
  });

  it('gives a missing field the line of the nearest field that holds it', () => {
    const { lineOf } = parseOk('{\n  "sections": [\n    {\n      "id": "a"\n    }\n  ]\n}');
    expect(lineOf(['sections', 0, 'summary'])).toBe(3);
    expect(lineOf(['sections', 5, 'items'])).toBe(2);
    expect(lineOf(['nothing', 'here'])).toBe(1);
  });

  it('tells a field named "0" from a list position 0', () => {
    const { lineOf } = parseOk('{\n"0": 1,\n"list": [\n2\n]\n}');
    expect(lineOf(['0'])).toBe(2);
    expect(lineOf(['list', 0])).toBe(4);
    expect(lineOf(['list', '0'])).toBe(3);
  });

  it.each([
    ['{\n  "a": 1,\n  "b": 2,\n}', 4, 1, "expected a field name in quotes but found '}'"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, `expected ',' or '}' but found '"'`],
    ['[1, 2', 1, 6, "expected ',' or ']' but found the end of the file"],
    ['{"a" 1}', 1, 6, "expected ':' after the field name but found '1'"],
    ['{"a": tru}', 1, 7, "expected a value but found 't'"],
    ['{"a": "line\nbreak"}', 1, 12, 'a line break or control character'],
    ['{"a": "\\x"}', 1, 8, 'is not an escape JSON knows'],
    ['{"a": "\\u12"}', 1, 8, "'\\u' must be followed by 4 hex digits"],
    ['{"a": "open', 1, 7, 'a text in quotes is not closed'],
    ['{"a": 1} x', 1, 10, "unexpected 'x' after the end of the data"],
    ['{"a": 01}', 1, 8, "expected ',' or '}' but found '1'"],
    ["{'a': 1}", 1, 2, `expected a field name in quotes but found "'"`],
    ['', 1, 1, 'expected a value but found the end of the file'],
  ])('reports %j at line %i, column %i', (text, line, column, message) => {
    const error = parseError(text);
    expect(error).toMatchObject({ line, column });
    expect(error.message).toContain(message);
  });

  it('counts lines of Windows line endings too', () => {
    expect(parseError('{\r\n  "a": 1,\r\n}')).toMatchObject({ line: 3, column: 1 });
  });

  it(`refuses data nested more than ${MAX_JSON_DEPTH} levels deep without exhausting the stack`, () => {
    expect(parseOk('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).value).toBeDefined();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseError(deep).message).toContain(`more than ${MAX_JSON_DEPTH} levels deep`);
  });

  it('reads values under long field names nested deep in linear time', () => {
    // The longest paths the limits allow, for as many values as they allow: keyed by its whole
    // path, each zero once held its own copy of 6,000 characters (120 million in all).
    const name = 'n'.repeat(MAX_JSON_FIELD_NAME_LENGTH);
    const count = MAX_JSON_VALUES - 100;
    const open = `{"${name}":`.repeat(60);
    const zeros = new Array<string>(count).fill('0').join(',\n');
    const text = `${open}[${zeros}]${'}'.repeat(60)}`;
    const started = performance.now();
    const { lineOf } = parseOk(text);
    const path = [...new Array<string>(60).fill(name), count - 1];
    expect(lineOf(path)).toBe(count);
    // A few milliseconds; generous for a shared machine, where the quadratic reader took seconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it(`refuses a file of more than ${MAX_JSON_VALUES.toLocaleString('en')} values as soon as it reads one more`, () => {
    const zeros = (count: number) => `[${new Array<string>(count).fill('0').join(',')}]`;
    expect(parseOk(zeros(MAX_JSON_VALUES - 1)).value).toHaveLength(MAX_JSON_VALUES - 1);
    const error = parseError(zeros(500_000));
    expect(error.message).toBe(
      `the file has more than ${MAX_JSON_VALUES.toLocaleString('en')} values (texts, numbers, lists and groups): no lesson has so many (at [${MAX_JSON_VALUES - 1}])`,
    );
  });

  it(`refuses a field name longer than ${MAX_JSON_FIELD_NAME_LENGTH} characters, saying where`, () => {
    const long = 'n'.repeat(MAX_JSON_FIELD_NAME_LENGTH + 1);
    expect(parseOk(`{"${long.slice(1)}": 1}`).value).toBeDefined();
    const error = parseError(`{"sections": [{\n  "${long}": 1}]}`);
    expect(error).toMatchObject({ line: 2, column: 3 });
    expect(error.message).toBe(
      `a field name is longer than ${MAX_JSON_FIELD_NAME_LENGTH} characters (at sections[0])`,
    );
    // Refused as soon as it is too long, whatever follows.
    expect(parseError(`{"${'n'.repeat(5_000_000)}`).message).toContain('a field name is longer');
  });

  it(`refuses a text longer than ${MAX_JSON_TEXT_LENGTH.toLocaleString('en')} characters, counting escapes as one`, () => {
    const fits = '\\u0041'.repeat(MAX_JSON_TEXT_LENGTH);
    expect(parseOk(`{"a": "${fits}"}`).value).toStrictEqual({
      a: 'A'.repeat(MAX_JSON_TEXT_LENGTH),
    });
    const error = parseError(`{"a": ["${'x'.repeat(MAX_JSON_TEXT_LENGTH + 1)}"]}`);
    expect(error.message).toBe(
      `a text in quotes is longer than ${MAX_JSON_TEXT_LENGTH.toLocaleString('en')} characters (at a[0])`,
    );
  });
});
