/** A source of numbers in [0, 1): the domain takes randomness as an argument, never a global. */
export type RandomSource = () => number;

/** The seed used when the caller gives none, so the same votes always draw the same map. */
export const DEFAULT_SEED = 0x5eed;

/**
 * mulberry32: a tiny 32-bit generator, statistically good enough for seeding k-means and for
 * test data, and the same sequence on every JavaScript engine.
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, bound). */
export function randomIndex(random: RandomSource, bound: number): number {
  return Math.min(bound - 1, Math.floor(random() * bound));
}
