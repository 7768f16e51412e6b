/** Aggregation helpers shared by the self-study review and the teacher's dashboard. */

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  const low = sorted[middle - 1];
  const high = sorted[middle];
  return low === undefined || high === undefined ? null : (low + high) / 2;
}

export interface DistributionEntry<K extends string | number> {
  readonly key: K;
  readonly count: number;
  /** Share of all counted answers, 0 to 1 (0 when there are none). */
  readonly share: number;
}

/**
 * Counts how often each key was chosen, in the order of `keys` (so options with no votes still
 * appear); values not among the keys are ignored. For multiple choice, pass every choice.
 */
export function distribution<K extends string | number>(
  keys: readonly K[],
  values: readonly K[],
): DistributionEntry<K>[] {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  let counted = 0;
  for (const value of values) {
    const current = counts.get(value);
    if (current === undefined) continue;
    counts.set(value, current + 1);
    counted += 1;
  }
  return keys.map((key) => {
    const count = counts.get(key) ?? 0;
    return { key, count, share: counted === 0 ? 0 : count / counted };
  });
}

export interface Bucket {
  /** Inclusive lower bound. */
  readonly from: number;
  /** Exclusive upper bound, except the last bucket, which includes it. */
  readonly to: number;
  readonly count: number;
}

/** Histogram of percentages (0-100) in equal-width buckets, e.g. width 10 gives 0-10, ..., 90-100. */
export function percentHistogram(values: readonly number[], width = 10): Bucket[] {
  if (width <= 0 || 100 % width !== 0) {
    throw new RangeError(`bucket width must divide 100, got ${width}`);
  }
  const buckets = Array.from({ length: 100 / width }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    count: 0,
  }));
  for (const value of values) {
    if (value < 0 || value > 100) continue;
    const index = Math.min(Math.floor(value / width), buckets.length - 1);
    const bucket = buckets[index];
    if (bucket) bucket.count += 1;
  }
  return buckets;
}
