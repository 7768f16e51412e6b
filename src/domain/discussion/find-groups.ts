import { kMeans } from './k-means';
import type { RandomSource } from './seeded-random';
import { meanSilhouette } from './silhouette';

export const MIN_GROUPS = 2;
export const MAX_GROUPS = 5;
/** k-means runs per k; the tightest is kept. Cheap on a 2-D map, and it steadies the result. */
const RESTARTS = 8;
/**
 * Below this best mean silhouette the class is one group. On a 2-D map k-means splits even a
 * shapeless cloud with a silhouette of 0.35 or more, so this only fires when the points (nearly)
 * coincide, such as a class that voted as one: then there are no sides to show.
 */
export const MIN_SILHOUETTE = 0.1;

export interface FoundGroups {
  /** Each point's group, 0 to count − 1, numbered by size (largest first), then first member. */
  readonly assignments: Int32Array;
  readonly count: number;
  /** The chosen clustering's mean silhouette (0 for a single group). */
  readonly silhouette: number;
}

function distinctPointCount(points: Float64Array, dims: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < points.length; i += dims) {
    seen.add(Array.from(points.subarray(i, i + dims)).join(','));
  }
  return seen.size;
}

/** Renumbers clusters by size (largest first), ties by their first point, so order is stable. */
function canonicalOrder(assignments: Int32Array, k: number): Int32Array {
  const sizes = new Int32Array(k);
  const firstPoint = new Int32Array(k).fill(assignments.length);
  assignments.forEach((c, i) => {
    sizes[c]!++;
    firstPoint[c] = Math.min(firstPoint[c]!, i);
  });
  const order = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => sizes[b]! - sizes[a]! || firstPoint[a]! - firstPoint[b]!,
  );
  const renumbered = new Int32Array(k);
  order.forEach((c, rank) => (renumbered[c] = rank));
  return assignments.map((c) => renumbered[c]!);
}

/**
 * Groups the points of the map: k-means for each k from 2 to 5 (at most one fewer than the
 * points, and no more than the distinct points), keeping the k with the highest mean
 * silhouette (the smaller k on a tie).
 */
export function findGroups(points: Float64Array, dims: number, random: RandomSource): FoundGroups {
  const count = points.length / dims;
  const largestK = Math.min(MAX_GROUPS, count - 1, distinctPointCount(points, dims));
  let best: FoundGroups = { assignments: new Int32Array(count), count: 1, silhouette: 0 };
  for (let k = MIN_GROUPS; k <= largestK; k++) {
    const { assignments } = kMeans(points, dims, k, random, RESTARTS);
    const silhouette = meanSilhouette(points, dims, assignments, k);
    if (best.count === 1 || silhouette > best.silhouette + 1e-12) {
      best = { assignments, count: k, silhouette };
    }
  }
  if (best.silhouette < MIN_SILHOUETTE) {
    return { assignments: new Int32Array(count), count: 1, silhouette: 0 };
  }
  return { ...best, assignments: canonicalOrder(best.assignments, best.count) };
}
