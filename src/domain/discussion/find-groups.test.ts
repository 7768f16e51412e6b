import { describe, expect, it } from 'vitest';
import { findGroups } from './find-groups';
import { mulberry32 } from './seeded-random';
import { meanSilhouette } from './silhouette';

describe('meanSilhouette', () => {
  it('matches a hand-computed example on a line', () => {
    // Clusters {0, 1} and {10}: point 0 has a = 1, b = 10: 0.9; point 1: a = 1, b = 9: 8/9;
    // point 10 is alone: 0. Mean (0.9 + 8/9) / 3.
    const silhouette = meanSilhouette(
      Float64Array.from([0, 1, 10]),
      1,
      Int32Array.from([0, 0, 1]),
      2,
    );
    expect(silhouette).toBeCloseTo((0.9 + 8 / 9) / 3, 12);
  });
});

describe('findGroups', () => {
  it('finds three separate clusters, numbered by size', () => {
    const points = Float64Array.from([
      ...[0, 0, 0.1, 0, 0, 0.1],
      ...[5, 5, 5.1, 5, 5, 5.1, 5.1, 5.1],
      ...[-5, 5, -5.1, 5],
    ]);
    const found = findGroups(points, 2, mulberry32(1));
    expect(found.count).toBe(3);
    expect(Array.from(found.assignments)).toEqual([1, 1, 1, 0, 0, 0, 0, 2, 2]);
    expect(found.silhouette).toBeGreaterThan(0.9);
  });

  it('makes one group of points that coincide', () => {
    const found = findGroups(new Float64Array(10), 2, mulberry32(1));
    expect(found.count).toBe(1);
    expect(Array.from(found.assignments)).toEqual([0, 0, 0, 0, 0]);
  });
});
