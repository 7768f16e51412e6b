/**
 * The mean silhouette of a clustering: for each point, (b − a) / max(a, b), where a is its
 * mean distance to the rest of its own cluster and b its mean distance to the nearest other
 * cluster; a point alone in its cluster scores 0. 1 is tight, well-separated clusters; near 0,
 * clusters that blur into each other. Exact, O(points² × dims).
 */
export function meanSilhouette(
  points: Float64Array,
  dims: number,
  assignments: Int32Array,
  k: number,
): number {
  const count = assignments.length;
  if (count === 0) return 0;
  const sizes = new Int32Array(k);
  for (const c of assignments) sizes[c]!++;
  // distanceSums[i * k + c]: the sum of distances from point i to the points of cluster c.
  const distanceSums = new Float64Array(count * k);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      let squared = 0;
      for (let d = 0; d < dims; d++)
        squared += (points[i * dims + d]! - points[j * dims + d]!) ** 2;
      const distance = Math.sqrt(squared);
      distanceSums[i * k + assignments[j]!]! += distance;
      distanceSums[j * k + assignments[i]!]! += distance;
    }
  }
  let total = 0;
  for (let i = 0; i < count; i++) {
    const own = assignments[i]!;
    if (sizes[own]! <= 1) continue;
    const a = distanceSums[i * k + own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      b = Math.min(b, distanceSums[i * k + c]! / sizes[c]!);
    }
    if (b === Infinity) continue;
    const spread = Math.max(a, b);
    if (spread > 0) total += (b - a) / spread;
  }
  return total / count;
}
