/**
 * Text a server must not store: NUL and the other C0 control characters (tab, line feed and
 * carriage return are ordinary text), and lone UTF-16 surrogates, which are not Unicode text at
 * all. PostgreSQL refuses NUL in text and JSON, and a lone surrogate cannot be encoded as UTF-8,
 * so either would fail deep in a write instead of being refused with the field named.
 */

import { CONTROL_CHARACTER, LONE_SURROGATE } from './safe-text';

const codePoint = (character: string) =>
  `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a piece of text ("contains a NUL character (U+0000)"), or null. */
export function describeUnsafeText(text: string): string | null {
  const control = CONTROL_CHARACTER.exec(text)?.[0];
  if (control !== undefined) {
    return control === '\u0000'
      ? 'contains a NUL character (U+0000)'
      : `contains the control character ${codePoint(control)}`;
  }
  const surrogate = LONE_SURROGATE.exec(text)?.[0];
  if (surrogate !== undefined) {
    return `contains a lone surrogate (${codePoint(surrogate)}), which is not valid Unicode text`;
  }
  return null;
}

export interface UnsafeText {
  /** Where the text sits: keys and array indexes from the top of the value. */
  readonly path: readonly (string | number)[];
  /** What is wrong, e.g. "a key contains a NUL character (U+0000)". */
  readonly problem: string;
}

/**
 * The first unsafe string in a value: any string in it, nested in arrays and objects, and any
 * object key (a key's path is its object's, since the key itself may not be printable).
 */
export function findUnsafeText(
  value: unknown,
  path: readonly (string | number)[] = [],
): UnsafeText | null {
  if (typeof value === 'string') {
    const problem = describeUnsafeText(value);
    return problem === null ? null : { path, problem };
  }
  if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const found = findUnsafeText(entry, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      const problem = describeUnsafeText(key);
      if (problem !== null) return { path, problem: `a key ${problem}` };
      const found = findUnsafeText(entry, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

// Kept apart, for the student's first download, which needs only this.
export { toSafeText } from './safe-text';
