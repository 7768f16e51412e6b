import { describe, expect, it } from 'vitest';
import { selectedWords, splitSentences } from './sentences';

describe('splitSentences', () => {
  it('cuts after a full stop, question or exclamation mark before a new sentence', () => {
    expect(splitSentences('It launched in 2021. Did it work? Yes! 4 images followed.')).toEqual([
      'It launched in 2021.',
      'Did it work?',
      'Yes!',
      '4 images followed.',
    ]);
  });

  it('keeps a closing quote with its sentence and an opening quote with the next', () => {
    expect(splitSentences('He said “It works.” “Good,” she said.')).toEqual([
      'He said “It works.”',
      '“Good,” she said.',
    ]);
  });

  it('does not cut inside a number or before a lowercase word', () => {
    expect(splitSentences('It is 4.6 billion years old. e.g. this stays.')).toEqual([
      'It is 4.6 billion years old. e.g. this stays.',
    ]);
  });
});

describe('selectedWords', () => {
  it('takes the selection with its blanks made single spaces', () => {
    expect(selectedWords({ toString: () => '  galaxy\n cluster ' })).toBe('galaxy cluster');
    expect(selectedWords(null)).toBe('');
  });
});
