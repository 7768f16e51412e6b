import { describe, expect, it } from 'vitest';
import { distribution, mean, median, percentHistogram } from './aggregate';

describe('mean and median', () => {
  it('compute the usual values', () => {
    expect(mean([10, 20, 60])).toBe(30);
    expect(median([60, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 100])).toBe(30);
    expect(median([7])).toBe(7);
  });

  it('have no value for no input', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });

  it('do not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('distribution', () => {
  it('counts each key in key order, keeping keys with no votes', () => {
    expect(distribution(['yes', 'no', 'unsure'], ['no', 'yes', 'no'])).toEqual([
      { key: 'yes', count: 1, share: 1 / 3 },
      { key: 'no', count: 2, share: 2 / 3 },
      { key: 'unsure', count: 0, share: 0 },
    ]);
  });

  it('ignores unknown values and handles no answers', () => {
    expect(distribution([1, 2, 3, 4, 5], [5, 9, 5])).toEqual([
      { key: 1, count: 0, share: 0 },
      { key: 2, count: 0, share: 0 },
      { key: 3, count: 0, share: 0 },
      { key: 4, count: 0, share: 0 },
      { key: 5, count: 2, share: 1 },
    ]);
    expect(distribution(['a'], []).at(0)?.share).toBe(0);
  });
});

describe('percentHistogram', () => {
  it('puts values in buckets and 100 in the last one', () => {
    const buckets = percentHistogram([0, 9.9, 10, 55, 100, 100], 25);
    expect(buckets).toEqual([
      { from: 0, to: 25, count: 3 },
      { from: 25, to: 50, count: 0 },
      { from: 50, to: 75, count: 1 },
      { from: 75, to: 100, count: 2 },
    ]);
  });

  it('refuses a width that does not divide 100', () => {
    expect(() => percentHistogram([], 30)).toThrow(/divide 100/);
  });
});
