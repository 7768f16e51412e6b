import { describe, expect, it } from 'vitest';
import { cleanDisplayName, nameSkeleton } from './display-names';

describe('cleanDisplayName', () => {
  it('removes zero-width and bidirectional control characters', () => {
    expect(cleanDisplayName('Sam\u200b')).toBe('Sam');
    expect(cleanDisplayName('\u202eSam\u202c')).toBe('Sam');
    expect(cleanDisplayName('S\u200da\u2066m\u2069\ufeff')).toBe('Sam');
    expect(cleanDisplayName('\u200e\u200f\u061cRiley\u00ad')).toBe('Riley');
  });

  it('normalises to NFKC: fullwidth and mathematical letters become plain ones', () => {
    expect(cleanDisplayName('Ｓａｍ')).toBe('Sam');
    expect(cleanDisplayName('𝐒𝐚𝐦')).toBe('Sam');
    // A decomposed é is composed, so it is one letter as typed on another keyboard.
    expect(cleanDisplayName('Jose\u0301')).toBe('José');
  });

  it('makes every run of spaces, tabs or line breaks one space, and trims', () => {
    expect(cleanDisplayName('  Mary \t\n Ann\u00a0 ')).toBe('Mary Ann');
  });

  it('leaves nothing of a name made only of invisible characters', () => {
    expect(cleanDisplayName('\u200b\u200c\u3164 \u2060')).toBe('');
  });
});

describe('nameSkeleton', () => {
  const same = (a: string, b: string) => nameSkeleton(a) === nameSkeleton(b);

  it('counts names that differ only by case, invisible characters or spacing as the same', () => {
    expect(same('Sam', 'SAM')).toBe(true);
    expect(same('Sam', 'Sam\u200b')).toBe(true);
    expect(same('Sam', ' Sam ')).toBe(true);
    expect(same('Mary Ann', 'Mary  Ann')).toBe(true);
  });

  it('counts Cyrillic and Greek look-alike letters as the Latin ones they resemble', () => {
    expect(same('Sam', 'S\u0430m')).toBe(true); // Cyrillic а
    expect(same('Sam', '\u0405am')).toBe(true); // Cyrillic Ѕ
    expect(same('Rose', 'R\u043es\u0435')).toBe(true); // Cyrillic о and е
    expect(same('HANNA', '\u0397\u0391\u039d\u039d\u0391')).toBe(true); // Greek capitals
    expect(same('Tom', '\u03a4\u03bfm')).toBe(true); // Greek Τ and ο
    expect(same('Paco', '\u0420\u0430\u0441\u043e')).toBe(true); // all Cyrillic
  });

  it('counts digits that pass for letters inside a name as those letters', () => {
    expect(same('Leo', 'Le0')).toBe(true);
    expect(same('Al', 'A1')).toBe(true);
  });

  it('keeps names that look different apart', () => {
    expect(same('Sam', 'Sam B')).toBe(false);
    expect(same('Zoë', 'Zoe')).toBe(false);
    expect(same('Sam', 'Pam')).toBe(false);
    expect(same('Саша', 'Sasha')).toBe(false);
  });
});
