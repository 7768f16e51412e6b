import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand-index';

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 9])).toBe(1);
  });

  it('matches a hand-computed example', () => {
    // Contingency: {0,0}: 2, {0,1}: 1, {1,1}: 1, {1,2}: 2, so pairs kept together: 1 + 1 = 2.
    // Pairs within the first's groups (3, 3): 3 + 3 = 6; the second's (2, 2, 2): 1 + 1 + 1 = 3.
    // Expected by chance: 6 × 3 / C(6, 2) = 18 / 15 = 1.2; maximum: (6 + 3) / 2 = 4.5.
    // ARI = (2 − 1.2) / (4.5 − 1.2) = 0.8 / 3.3 = 8 / 33.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(8 / 33, 12);
  });

  it('is below 0 for a split that crosses every group', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeLessThan(0);
  });

  it('refuses groupings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(RangeError);
  });
});
