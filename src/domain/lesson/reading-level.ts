import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * How hard a text is to read, as a US school grade: the Flesch-Kincaid grade level,
 * 0.39 × words per sentence + 11.8 × syllables per word − 15.59 (Kincaid et al., 1975), computed
 * by the `flesch-kincaid` package from counts of words, sentences and syllables (the `syllable`
 * package). The editor shows it for the article's text; the drafter for the draft.
 */

export interface ReadingLevel {
  /** The grade, to one decimal; 0 for a text without words. Can be below 0 for very easy text. */
  grade: number;
  words: number;
  sentences: number;
}

/**
 * A word: letters and digits, with inner apostrophes and hyphens ("don't", "well-known"), or
 * initials with their full stops ("U.S.").
 */
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Where a sentence ends: `.`, `!`, `?` or `…` (closing quotes and brackets after them) before a
 * blank and a word that does not start in lowercase, so "the U.S. said" stays one sentence; and
 * at every line break, so a headline without a full stop is a sentence of its own.
 */
const SENTENCE_END = /[.!?…]+["'’”)\]]*(?=\s+[^\p{Ll}\s]|\s*$)|\n+/u;

function countSyllables(word: string): number {
  // A number ("2020") or a letter the package cannot read counts as one syllable, as said.
  return Math.max(1, syllable(word));
}

/** The reading level of a text: paragraphs joined by line breaks. */
export function readingLevel(text: string): ReadingLevel {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const sentence of text.split(SENTENCE_END)) {
    const found = sentence.match(WORD);
    if (!found) continue;
    sentences += 1;
    words += found.length;
    for (const word of found) syllables += countSyllables(word);
  }
  if (words === 0) return { grade: 0, words: 0, sentences: 0 };
  const grade = fleschKincaid({ sentence: sentences, word: words, syllable: syllables });
  return { grade: Math.round(grade * 10) / 10, words, sentences };
}
