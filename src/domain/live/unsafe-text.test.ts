import { describe, expect, it } from 'vitest';
import { describeUnsafeText, findUnsafeText, toSafeText } from './unsafe-text';

describe('describeUnsafeText', () => {
  it('accepts ordinary text, tabs, line breaks and characters outside the BMP', () => {
    for (const text of ['', 'Hello', 'a\tb\nc\r\nd', 'Zoë 😀 中文', '\u00A0\u200B\u007E\u00A0']) {
      expect(describeUnsafeText(text)).toBeNull();
    }
  });

  it('names a NUL, another C0 control character, DEL, a C1 control, or a lone surrogate', () => {
    expect(describeUnsafeText('a\u0000b')).toBe('contains a NUL character (U+0000)');
    expect(describeUnsafeText('ring\u0007')).toBe('contains the control character U+0007');
    expect(describeUnsafeText('del\u007F')).toBe('contains the control character U+007F');
    expect(describeUnsafeText('\u0085next line')).toBe('contains the control character U+0085');
    expect(describeUnsafeText('\u009F')).toBe('contains the control character U+009F');
    expect(describeUnsafeText('\u001B[31m')).toBe('contains the control character U+001B');
    expect(describeUnsafeText('page\fbreak')).toBe('contains the control character U+000C');
    expect(describeUnsafeText('x\uD83D')).toBe(
      'contains a lone surrogate (U+D83D), which is not valid Unicode text',
    );
    expect(describeUnsafeText('\uDE00x')).toContain('lone surrogate (U+DE00)');
    // A high surrogate followed by another high one is still alone.
    expect(describeUnsafeText('\uD83D\uD83D\uDE00')).toContain('U+D83D');
  });
});

describe('findUnsafeText', () => {
  it('finds nothing in safe values of any shape', () => {
    expect(findUnsafeText({ a: ['x', 1, null, { b: true }], c: 'ok' })).toBeNull();
    expect(findUnsafeText(42)).toBeNull();
    expect(findUnsafeText(undefined)).toBeNull();
  });

  it('gives the path of a bad string in nested objects and arrays', () => {
    expect(findUnsafeText({ answer: { optionIds: ['ok', 'bad\u0000'] } })).toEqual({
      path: ['answer', 'optionIds', 1],
      problem: 'contains a NUL character (U+0000)',
    });
    expect(findUnsafeText(['\uD800'])?.path).toEqual([0]);
  });

  it('gives the path of the object whose key is bad', () => {
    expect(findUnsafeText({ answer: { probabilities: { 'x\u0000': 10 } } })).toEqual({
      path: ['answer', 'probabilities'],
      problem: 'a key contains a NUL character (U+0000)',
    });
  });
});

describe('toSafeText', () => {
  it('keeps safe text as it is', () => {
    expect(toSafeText('a\tb\nc 😀')).toBe('a\tb\nc 😀');
  });

  it('turns vertical tabs and form feeds into line breaks, drops other controls, mends surrogates', () => {
    expect(toSafeText('one\u000Btwo\fthree')).toBe('one\ntwo\nthree');
    expect(toSafeText('a\u0000b\u001Bc\u007Fd\u0085e')).toBe('abcde');
    expect(toSafeText('x\uD83Dy')).toBe('x\uFFFDy');
    expect(describeUnsafeText(toSafeText('\u0001\uDC00\u0000'))).toBeNull();
  });
});
