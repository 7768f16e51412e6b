/**
 * Where the article's sections start: at its headings, and within a run of paragraphs between
 * two headings by a word budget, never inside a paragraph. The split is the one whose sections
 * come nearest SECTION_WORDS_TARGET while staying between SECTION_WORDS_MIN and MAX (found by
 * dynamic programming over the paragraph boundaries, so it is the best split, not a greedy one).
 * A run shorter than the minimum stays one section: a heading always starts one.
 */
export const SECTION_WORDS_MIN = 120;
export const SECTION_WORDS_MAX = 320;
export const SECTION_WORDS_TARGET = 240;

/** Far worse than any split within the budget: a group outside it is taken only if unavoidable. */
const OUT_OF_BUDGET = 1_000_000;

function groupCost(words: number): number {
  if (words < SECTION_WORDS_MIN) return OUT_OF_BUDGET + (SECTION_WORDS_MIN - words) * 100;
  if (words > SECTION_WORDS_MAX) return OUT_OF_BUDGET + (words - SECTION_WORDS_MAX) * 100;
  return (words - SECTION_WORDS_TARGET) ** 2;
}

/**
 * How to cut a run of paragraphs (their word counts, in order) into sections: the index of the
 * first paragraph of each section, starting with 0.
 */
export function splitByBudget(words: readonly number[]): number[] {
  const n = words.length;
  if (n === 0) return [];
  const total = words.reduce((sum, count) => sum + count, 0);
  if (total <= SECTION_WORDS_MAX) return [0];
  // best[j]: the least cost of cutting the first j paragraphs; from[j]: where its last group starts.
  const best = [0];
  const from = [0];
  for (let j = 1; j <= n; j += 1) {
    let sum = 0;
    best[j] = Infinity;
    from[j] = 0;
    for (let i = j - 1; i >= 0; i -= 1) {
      sum += words[i]!;
      const cost = best[i]! + groupCost(sum);
      if (cost < best[j]!) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  const starts: number[] = [];
  for (let j = n; j > 0; j = from[j]!) starts.unshift(from[j]!);
  return starts;
}
