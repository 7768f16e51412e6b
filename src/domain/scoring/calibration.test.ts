import { describe, expect, it } from 'vitest';
import { calibrationBuckets, calibrationVerdict, meanBrierScore } from './calibration';

/** `count` forecasts at `probability` %, the first `happened` of which came true. */
function forecastsAt(probability: number, count: number, happened: number) {
  return Array.from({ length: count }, (_, index) => ({ probability, happened: index < happened }));
}

describe('calibrationBuckets', () => {
  it('returns five 20-point buckets by default, all empty for no forecasts', () => {
    const buckets = calibrationBuckets([]);
    expect(buckets.map((b) => [b.from, b.to])).toEqual([
      [0, 20],
      [20, 40],
      [40, 60],
      [60, 80],
      [80, 100],
    ]);
    for (const bucket of buckets) {
      expect(bucket).toMatchObject({
        forecasts: 0,
        happened: 0,
        meanProbability: null,
        observedRate: null,
      });
    }
  });

  it('computes the observed rate and mean probability of a bucket', () => {
    const buckets = calibrationBuckets(forecastsAt(70, 10, 7));
    expect(buckets[3]).toEqual({
      from: 60,
      to: 80,
      forecasts: 10,
      happened: 7,
      meanProbability: 70,
      observedRate: 0.7,
    });
    expect(buckets.filter((b) => b.forecasts === 0)).toHaveLength(4);
  });

  it('averages different probabilities in one bucket', () => {
    const buckets = calibrationBuckets([
      { probability: 0, happened: false },
      { probability: 10, happened: true },
      { probability: 19.5, happened: false },
      { probability: 5, happened: false },
    ]);
    expect(buckets[0]!.forecasts).toBe(4);
    expect(buckets[0]!.happened).toBe(1);
    expect(buckets[0]!.meanProbability).toBeCloseTo(8.625, 10);
    expect(buckets[0]!.observedRate).toBe(0.25);
  });

  it('puts a boundary in the bucket it starts, and 100 in the last bucket', () => {
    const buckets = calibrationBuckets([
      { probability: 20, happened: true },
      { probability: 100, happened: true },
      { probability: 80, happened: false },
    ]);
    expect(buckets.map((b) => b.forecasts)).toEqual([0, 1, 0, 0, 2]);
    expect(buckets[1]!.observedRate).toBe(1);
    expect(buckets[4]!.meanProbability).toBe(90);
    expect(buckets[4]!.observedRate).toBe(0.5);
  });

  it('accepts other widths that divide 100', () => {
    expect(calibrationBuckets([], 10)).toHaveLength(10);
    expect(calibrationBuckets([], 25).map((b) => b.to)).toEqual([25, 50, 75, 100]);
    expect(calibrationBuckets([{ probability: 100, happened: true }], 100)).toEqual([
      { from: 0, to: 100, forecasts: 1, happened: 1, meanProbability: 100, observedRate: 1 },
    ]);
  });

  it('rejects a width that does not divide 100', () => {
    expect(() => calibrationBuckets([], 30)).toThrow(RangeError);
    expect(() => calibrationBuckets([], 0)).toThrow(RangeError);
    expect(() => calibrationBuckets([], -20)).toThrow(RangeError);
    expect(() => calibrationBuckets([], 12.5)).toThrow(/divid/);
  });

  it('rejects probabilities outside 0-100', () => {
    expect(() => calibrationBuckets([{ probability: 101, happened: true }])).toThrow(RangeError);
    expect(() => calibrationBuckets([{ probability: -1, happened: true }])).toThrow(RangeError);
    expect(() => calibrationBuckets([{ probability: Number.NaN, happened: true }])).toThrow(
      RangeError,
    );
  });
});

describe('meanBrierScore', () => {
  it('is null for no forecasts', () => {
    expect(meanBrierScore([])).toBeNull();
  });

  it('gives known values', () => {
    expect(meanBrierScore([{ probability: 100, happened: true }])).toBe(0);
    expect(meanBrierScore([{ probability: 0, happened: true }])).toBe(1);
    expect(meanBrierScore(forecastsAt(50, 4, 1))).toBe(0.25);
    // 7 × 0.3² + 3 × 0.7² = 0.63 + 1.47 = 2.1, over 10 forecasts.
    expect(meanBrierScore(forecastsAt(70, 10, 7))).toBeCloseTo(0.21, 10);
    expect(
      meanBrierScore([
        { probability: 90, happened: true },
        { probability: 20, happened: true },
      ]),
    ).toBeCloseTo((0.01 + 0.64) / 2, 10);
  });

  it('rejects probabilities outside 0-100', () => {
    expect(() => meanBrierScore([{ probability: 150, happened: false }])).toThrow(RangeError);
  });
});

describe('calibrationVerdict', () => {
  it('calls a point within ten points of the diagonal about right', () => {
    expect(calibrationVerdict(70, 75)).toBe('about right');
    expect(calibrationVerdict(10, 0)).toBe('about right');
    expect(calibrationVerdict(50, 60)).toBe('about right');
  });

  it('calls forecasts over-confident when what happened leaned less, or the other way', () => {
    expect(calibrationVerdict(90, 60)).toBe('over-confident');
    expect(calibrationVerdict(10, 40)).toBe('over-confident');
    expect(calibrationVerdict(70, 20)).toBe('over-confident');
    expect(calibrationVerdict(30, 80)).toBe('over-confident');
  });

  it('calls forecasts under-confident when what happened leaned the same way, further', () => {
    expect(calibrationVerdict(65, 100)).toBe('under-confident');
    expect(calibrationVerdict(30, 0)).toBe('under-confident');
    // A 50 % forecast of something that then nearly always (or never) happened.
    expect(calibrationVerdict(50, 90)).toBe('under-confident');
    expect(calibrationVerdict(50, 10)).toBe('under-confident');
  });

  it('takes a narrower tolerance', () => {
    expect(calibrationVerdict(70, 75, 2)).toBe('under-confident');
  });
});
