import { describe, expect, it } from 'vitest';
import { readingLevel } from './reading-level';

// Grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59, to one decimal.

describe('readingLevel', () => {
  it('gives a long word’s sentence a high grade', () => {
    // 7 words, 1 sentence; syllables pho-to-syn-the-sis 5, trans-forms 2, e-lec-tro-mag-net-ic 6,
    // ra-di-a-tion 4, in-to 2, chem-i-cal 3, en-er-gy 3: 25.
    // 0.39 × 7 + 11.8 × 25 / 7 − 15.59 = 2.73 + 42.14 − 15.59 = 29.28.
    expect(
      readingLevel('Photosynthesis transforms electromagnetic radiation into chemical energy.'),
    ).toStrictEqual({ grade: 29.3, words: 7, sentences: 1 });
  });

  it('averages over the sentences of the text', () => {
    // 10 words, 2 sentences, 3 + 25 = 28 syllables: 0.39 × 5 + 11.8 × 2.8 − 15.59 = 19.4.
    expect(
      readingLevel(
        'Plants need light. Photosynthesis transforms electromagnetic radiation into chemical energy.',
      ),
    ).toStrictEqual({ grade: 19.4, words: 10, sentences: 2 });
  });

  it('gives short words in a short sentence a grade below 1', () => {
    // 4 words, 1 sentence, 4 syllables: 0.39 × 4 + 11.8 − 15.59 = −2.23.
    expect(readingLevel('The dog ran home.')).toStrictEqual({
      grade: -2.2,
      words: 4,
      sentences: 1,
    });
  });

  it('ends a sentence at a line break and at a stop before a capital, not inside "U.S. said"', () => {
    const text = 'Town library opens on Sundays\nThe U.S. said so. “It works!” Then we left';
    // "Town library opens on Sundays" | "The U.S. said so." | "“It works!”" | "Then we left".
    expect(readingLevel(text)).toMatchObject({ words: 14, sentences: 4 });
  });

  it('counts a number as a word of one syllable', () => {
    // 4 words, 1 sentence, syllables 1 + 1 + 1 + 1: 0.39 × 4 + 11.8 − 15.59 = −2.23.
    expect(readingLevel('It rained in 2020.')).toStrictEqual({
      grade: -2.2,
      words: 4,
      sentences: 1,
    });
  });

  it('gives a text without words grade 0', () => {
    for (const text of ['', '   \n\n ', '… !? —']) {
      expect(readingLevel(text)).toStrictEqual({ grade: 0, words: 0, sentences: 0 });
    }
  });
});
