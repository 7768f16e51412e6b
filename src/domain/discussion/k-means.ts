import { randomIndex, type RandomSource } from './seeded-random';

const MAX_ITERATIONS = 100;

export interface KMeansResult {
  /** Each point's cluster, 0 to k − 1. */
  readonly assignments: Int32Array;
  /** Sum of squared distances from each point to its cluster's centre: lower is tighter. */
  readonly inertia: number;
}

function squaredDistance(
  points: Float64Array,
  i: number,
  centres: Float64Array,
  c: number,
  dims: number,
): number {
  let sum = 0;
  for (let d = 0; d < dims; d++) sum += (points[i * dims + d]! - centres[c * dims + d]!) ** 2;
  return sum;
}

/** k-means++: each further centre is a point drawn with probability ∝ its squared distance. */
function seedCentres(points: Float64Array, dims: number, k: number, random: RandomSource) {
  const count = points.length / dims;
  const centres = new Float64Array(k * dims);
  const nearest = new Float64Array(count).fill(Infinity);
  let chosen = randomIndex(random, count);
  for (let c = 0; c < k; c++) {
    centres.set(points.subarray(chosen * dims, (chosen + 1) * dims), c * dims);
    if (c === k - 1) break;
    let total = 0;
    for (let i = 0; i < count; i++) {
      nearest[i] = Math.min(nearest[i]!, squaredDistance(points, i, centres, c, dims));
      total += nearest[i]!;
    }
    // Fewer distinct points than k is ruled out by the caller; a zero total would mean it.
    if (total === 0) break;
    let target = random() * total;
    chosen = count - 1;
    for (let i = 0; i < count; i++) {
      target -= nearest[i]!;
      if (target < 0 && nearest[i]! > 0) {
        chosen = i;
        break;
      }
    }
  }
  return centres;
}

/** Each centre to the mean of its points; an empty cluster's centre is left at 0. */
function moveCentres(
  points: Float64Array,
  dims: number,
  assignments: Int32Array,
  centres: Float64Array,
  sizes: Int32Array,
): void {
  centres.fill(0);
  sizes.fill(0);
  for (let i = 0; i < assignments.length; i++) {
    const c = assignments[i]!;
    sizes[c]!++;
    for (let d = 0; d < dims; d++) centres[c * dims + d]! += points[i * dims + d]!;
  }
  for (let c = 0; c < sizes.length; c++) {
    if (sizes[c] === 0) continue;
    for (let d = 0; d < dims; d++) centres[c * dims + d]! /= sizes[c]!;
  }
}

/**
 * An emptied cluster restarts at the point farthest from its own centre (taken from a cluster
 * that can spare it), so k clusters stay k; the next iteration settles the rest.
 */
function reseedEmptyCluster(
  points: Float64Array,
  dims: number,
  empty: number,
  centres: Float64Array,
  assignments: Int32Array,
  sizes: Int32Array,
): void {
  let farthest = -1;
  let farthestDistance = -1;
  for (let i = 0; i < assignments.length; i++) {
    const own = assignments[i]!;
    if (sizes[own]! <= 1) continue;
    const distance = squaredDistance(points, i, centres, own, dims);
    if (distance > farthestDistance) {
      farthestDistance = distance;
      farthest = i;
    }
  }
  if (farthest < 0) return;
  sizes[assignments[farthest]!]!--;
  assignments[farthest] = empty;
  sizes[empty] = 1;
  centres.set(points.subarray(farthest * dims, (farthest + 1) * dims), empty * dims);
}

function lloyd(points: Float64Array, dims: number, k: number, centres: Float64Array) {
  const count = points.length / dims;
  const assignments = new Int32Array(count).fill(-1);
  const sizes = new Int32Array(k);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = false;
    for (let i = 0; i < count; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const distance = squaredDistance(points, i, centres, c, dims);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
      if (assignments[i] !== best) {
        assignments[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
    moveCentres(points, dims, assignments, centres, sizes);
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) reseedEmptyCluster(points, dims, c, centres, assignments, sizes);
    }
  }
  // A reseeded cluster's donor kept its old centre: settle every centre before measuring.
  moveCentres(points, dims, assignments, centres, sizes);
  let inertia = 0;
  for (let i = 0; i < count; i++) {
    inertia += squaredDistance(points, i, centres, assignments[i]!, dims);
  }
  return { assignments, inertia };
}

/**
 * k-means of `points` (interleaved, `dims` numbers each) into k clusters: k-means++ seeding,
 * Lloyd's iterations, and the tightest of `restarts` runs. The caller ensures there are at
 * least k distinct points.
 */
export function kMeans(
  points: Float64Array,
  dims: number,
  k: number,
  random: RandomSource,
  restarts: number,
): KMeansResult {
  let best: KMeansResult | null = null;
  for (let run = 0; run < restarts; run++) {
    const result = lloyd(points, dims, k, seedCentres(points, dims, k, random));
    if (best === null || result.inertia < best.inertia - 1e-12) best = result;
  }
  if (best === null) throw new RangeError('kMeans needs at least one run');
  return best;
}
