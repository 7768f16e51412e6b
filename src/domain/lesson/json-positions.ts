/**
 * A small JSON parser that also remembers on which line each value sits, so a problem found
 * later by the lesson schema can name the line of the file a teacher has to open. `JSON.parse`
 * gives neither the positions of values nor, across engines, the same words for a syntax error.
 *
 * It follows RFC 8259 (a leading byte order mark is skipped, as editors on Windows write one);
 * strings and numbers, once their extent is checked here, are decoded by `JSON.parse` itself.
 *
 * Its work grows with the file's length, never faster: each list and group keeps the lines of
 * its own entries, and a path is only written out for a problem that is reported. (Keying every
 * value by its whole path once made a 53 KB file with a 50,000-character field name take 15 s.)
 */

export type JsonParseResult =
  | {
      ok: true;
      value: unknown;
      /** The line of the deepest value on `path` that the file has (1 for the whole file). */
      lineOf: (path: readonly PropertyKey[]) => number;
    }
  | { ok: false; line: number; column: number; message: string };

/** Deeper than any lesson needs, shallow enough that a hostile file cannot exhaust the stack. */
export const MAX_JSON_DEPTH = 64;
/** The longest field name a file may have: a lesson's longest is 17 characters. */
export const MAX_JSON_FIELD_NAME_LENGTH = 100;
/** The longest text in quotes a file may have: far more than an article's longest paragraph. */
export const MAX_JSON_TEXT_LENGTH = 100_000;
/**
 * The most values (texts, numbers, lists, groups…) a file may have: the shipped lesson has
 * 929. It bounds the work of checking a file: a file of 500,000 zeros where lessons
 * go once made 500,000 problems for the lesson schema to find.
 */
export const MAX_JSON_VALUES = 20_000;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function fieldOf(parent: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent ? `${parent}.${key}` : key;
}

/** A field path as a teacher reads it: `sections[2].items[0].options`; the whole file is "". */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : fieldOf(out, String(part))),
    '',
  );
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPED = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;
const WORDS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;

function describeChar(char: string | undefined): string {
  if (char === undefined) return 'the end of the file';
  if (char === '\n' || char === '\r') return 'a line break';
  if (char.trim() === '') return 'a blank';
  return char === "'" ? `"'"` : `'${char}'`;
}

/**
 * The lines of a list's entries (by position) or of a group's fields (by name), kept beside the
 * parsed value: finding a line walks the path from the top, one step per part.
 */
type LineTable = number[] | Map<string, number>;

export function parseJsonWithLines(text: string): JsonParseResult {
  const tables = new WeakMap<object, LineTable>();
  /** The field path being read, for a refusal's message only. */
  const path: (string | number)[] = [];
  let pos = text.startsWith('\uFEFF') ? 1 : 0;
  let values = 0;
  let line = 1;
  let lineStart = pos;

  function fail(message: string, at = pos): never {
    throw new JsonSyntaxError(message, at);
  }

  /** "at sections[0].title: " while inside a field, so a refusal says where it is. */
  const where = () => (path.length > 0 ? ` (at ${formatFieldPath(path)})` : '');

  // Line breaks are only allowed between tokens, so only here does the line change.
  const skipBlanks = () => {
    for (;;) {
      const char = text[pos];
      if (char === '\n') {
        line += 1;
        lineStart = pos + 1;
      } else if (char !== ' ' && char !== '\t' && char !== '\r') {
        return;
      }
      pos += 1;
    }
  };

  const parseString = (maxLength: number, what: string): string => {
    const start = pos;
    pos += 1;
    for (;;) {
      const char = text[pos];
      if (char === undefined) fail('a text in quotes is not closed', start);
      if (char === '"') break;
      // Escapes make the written text longer than the text itself: this cap is never too strict.
      if (pos - start > maxLength * 6 + 1) break;
      if (char === '\\') {
        const next = text[pos + 1];
        if (next === 'u') {
          if (!HEX4.test(text.slice(pos + 2, pos + 6)))
            fail("'\\u' must be followed by 4 hex digits");
          pos += 6;
        } else if (next !== undefined && ESCAPED.has(next)) {
          pos += 2;
        } else {
          fail(`'\\${next ?? ''}' is not an escape JSON knows (a backslash is written '\\\\')`);
        }
      } else if (char < ' ') {
        fail("a line break or control character inside a text in quotes (write it as '\\n')");
      } else {
        pos += 1;
      }
    }
    const decoded =
      text[pos] === '"' ? (JSON.parse(text.slice(start, pos + 1)) as string) : undefined;
    if (decoded === undefined || decoded.length > maxLength) {
      fail(`${what} is longer than ${maxLength.toLocaleString('en')} characters${where()}`, start);
    }
    pos += 1;
    return decoded;
  };

  const parseValue = (depth: number): unknown => {
    skipBlanks();
    values += 1;
    if (values > MAX_JSON_VALUES) {
      fail(
        `the file has more than ${MAX_JSON_VALUES.toLocaleString('en')} values (texts, numbers, lists and groups): no lesson has so many${where()}`,
      );
    }
    const char = text[pos];
    if (char === '{' || char === '[') {
      if (depth >= MAX_JSON_DEPTH)
        fail(`the file is nested more than ${MAX_JSON_DEPTH} levels deep`);
      return char === '{' ? parseObject(depth + 1) : parseArray(depth + 1);
    }
    if (char === '"') return parseString(MAX_JSON_TEXT_LENGTH, 'a text in quotes');
    for (const [word, value] of WORDS) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (number) {
      pos += number[0].length;
      return Number(number[0]);
    }
    return fail(`expected a value but found ${describeChar(char)}`);
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    const lines = new Map<string, number>();
    tables.set(object, lines);
    pos += 1;
    skipBlanks();
    if (text[pos] === '}') {
      pos += 1;
      return object;
    }
    for (;;) {
      skipBlanks();
      if (text[pos] !== '"')
        fail(`expected a field name in quotes but found ${describeChar(text[pos])}`);
      // A field sits on the line of its name, which is where a teacher looks for it.
      const keyLine = line;
      const key = parseString(MAX_JSON_FIELD_NAME_LENGTH, 'a field name');
      skipBlanks();
      if (text[pos] !== ':')
        fail(`expected ':' after the field name but found ${describeChar(text[pos])}`);
      pos += 1;
      path.push(key);
      const value = parseValue(depth);
      path.pop();
      lines.set(key, keyLine);
      // Defined, not assigned: a field named "__proto__" must stay a plain field.
      Object.defineProperty(object, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipBlanks();
      const next = text[pos];
      pos += 1;
      if (next === '}') return object;
      if (next !== ',') fail(`expected ',' or '}' but found ${describeChar(next)}`, pos - 1);
    }
  };

  const parseArray = (depth: number): unknown[] => {
    const array: unknown[] = [];
    const lines: number[] = [];
    tables.set(array, lines);
    pos += 1;
    skipBlanks();
    if (text[pos] === ']') {
      pos += 1;
      return array;
    }
    for (;;) {
      path.push(array.length);
      skipBlanks();
      lines.push(line);
      array.push(parseValue(depth));
      path.pop();
      skipBlanks();
      const next = text[pos];
      pos += 1;
      if (next === ']') return array;
      if (next !== ',') fail(`expected ',' or ']' but found ${describeChar(next)}`, pos - 1);
    }
  };

  try {
    skipBlanks();
    const topLine = line;
    const value = parseValue(0);
    skipBlanks();
    if (pos < text.length) fail(`unexpected ${describeChar(text[pos])} after the end of the data`);
    return {
      ok: true,
      value,
      lineOf: (wanted) => {
        let found = topLine;
        let node: unknown = value;
        for (const part of wanted) {
          if (typeof node !== 'object' || node === null) break;
          const table = tables.get(node);
          const partLine =
            table instanceof Map
              ? typeof part === 'string'
                ? table.get(part)
                : undefined
              : typeof part === 'number'
                ? table?.[part]
                : undefined;
          if (partLine === undefined) break;
          found = partLine;
          node = (node as Record<PropertyKey, unknown>)[part];
        }
        return found;
      },
    };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    // Tokens never span a line break, so the failing position is on the line being read.
    return { ok: false, line, column: error.at - lineStart + 1, message: error.message };
  }
}
