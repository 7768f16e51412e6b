/**
 * Multisets that hand out their median as values come and go: the standing forecasts of a class
 * or a team on the day being walked. Two kinds, for two sizes.
 */

/** Values counted in and out, and their median. */
export interface MedianMultiset {
  /** Counts `value` in (delta 1) or one copy of it, known to be present, out (delta −1). */
  add(value: number, delta: 1 | -1): void;
  /** The median (the mean of the two middle values for an even count); NaN when empty. */
  median(): number;
}

/** A few values in a plain sorted array: for a team, where a tree costs more than it saves. */
export class SmallSortedValues implements MedianMultiset {
  private readonly values: number[] = [];

  // Shifts by hand: splice allocates an array of what it removes, on every call.
  add(value: number, delta: 1 | -1): void {
    const values = this.values;
    if (delta === -1) {
      let at = values.indexOf(value);
      for (; at < values.length - 1; at++) values[at] = values[at + 1]!;
      values.pop();
      return;
    }
    let at = values.length;
    values.push(value);
    for (; at > 0 && values[at - 1]! > value; at--) values[at] = values[at - 1]!;
    values[at] = value;
  }

  median(): number {
    const count = this.values.length;
    if (count === 0) return Number.NaN;
    const middle = count >>> 1;
    if (count % 2 === 1) return this.values[middle]!;
    return (this.values[middle - 1]! + this.values[middle]!) / 2;
  }
}

/**
 * A multiset of values drawn from a known set, as counts in a Fenwick tree over the values'
 * ranks: adding, removing and reading the median each cost O(log distinct values), so a class
 * of a thousand costs no more per change than a team of three.
 */
export class RankedCounts implements MedianMultiset {
  private readonly tree: Int32Array;
  private readonly topBit: number;
  size = 0;

  /** @param values every value that will be added, sorted ascending, each once. */
  constructor(private readonly values: Float64Array) {
    this.tree = new Int32Array(values.length + 1);
    let bit = 1;
    while (bit * 2 <= values.length) bit *= 2;
    this.topBit = bit;
  }

  add(value: number, delta: 1 | -1): void {
    let low = 0;
    let high = this.values.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.values[middle]! < value) low = middle + 1;
      else high = middle;
    }
    for (let node = low + 1; node < this.tree.length; node += node & -node) {
      this.tree[node]! += delta;
    }
    this.size += delta;
  }

  /** The value of rank `rank` (0 for the smallest). */
  private valueOfRank(rank: number): number {
    let position = 0;
    let remaining = rank + 1;
    for (let bit = this.topBit; bit > 0; bit >>>= 1) {
      const next = position + bit;
      if (next < this.tree.length && this.tree[next]! < remaining) {
        position = next;
        remaining -= this.tree[next]!;
      }
    }
    return this.values[position]!;
  }

  /** The median (mean of the two middle values for an even count); NaN when empty. */
  median(): number {
    if (this.size === 0) return Number.NaN;
    const middle = this.size >>> 1;
    if (this.size % 2 === 1) return this.valueOfRank(middle);
    return (this.valueOfRank(middle - 1) + this.valueOfRank(middle)) / 2;
  }
}

/** The distinct values of `values`, sorted ascending. */
export function distinctSorted(values: Float64Array): Float64Array {
  // Percents repeat a lot (often whole numbers): dedupe first, then sort the few left.
  return Float64Array.from(new Set(values)).sort();
}
