import { describe, expect, it } from 'vitest';
import { detectParagraphs } from './paragraphs';

describe('detectParagraphs', () => {
  it('cuts at blank lines and joins a paragraph’s wrapped lines with a space', () => {
    const text = 'The first line\nwraps here.\n\nSecond paragraph.\n  \n\nThird one.';
    expect(detectParagraphs(text)).toEqual([
      'The first line wraps here.',
      'Second paragraph.',
      'Third one.',
    ]);
  });

  it('cuts at every line break when there is no blank line', () => {
    expect(detectParagraphs('One.\nTwo.\r\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('ignores blank lines only at the start and end when deciding how to cut', () => {
    expect(detectParagraphs('\n\nOne.\nTwo.\n\n')).toEqual(['One.', 'Two.']);
  });

  it('trims each paragraph, makes runs of blanks one space and drops empty ones', () => {
    expect(detectParagraphs('  Tabs\tand   spaces.  \n\n\n\n   \n\nEnd.')).toEqual([
      'Tabs and spaces.',
      'End.',
    ]);
  });

  it('finds nothing in blank text', () => {
    expect(detectParagraphs(' \n \r\n\t')).toEqual([]);
  });

  it('keeps one paragraph of text without line breaks', () => {
    expect(detectParagraphs('Just one sentence.')).toEqual(['Just one sentence.']);
  });
});
