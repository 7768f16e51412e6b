import { describe, expect, it } from 'vitest';
import { classMedianSeries, standingVersionOn } from './median-series';

describe('classMedianSeries', () => {
  it('gives each day the median of everyone who had forecast, from the first forecast on', () => {
    // a: A 10 from 03-02, B 30 from 03-03, C 80 from 03-03 then 20 from 03-04.
    // 03-01 nobody; 03-02 median(10) = 10; 03-03 median(10, 30, 80) = 30; 03-04 median(10, 20, 30) = 20.
    // b: only B, 50 from 03-03.
    const series = classMedianSeries({
      opensOn: '2026-03-01',
      throughDay: '2026-03-04',
      scenarioIds: ['a', 'b'],
      forecasters: [
        { id: 'A', versions: [{ probabilities: { a: 10 }, madeAt: '2026-03-02T08:00:00Z' }] },
        {
          id: 'B',
          versions: [{ probabilities: { a: 30, b: 50 }, madeAt: '2026-03-03T08:00:00Z' }],
        },
        {
          id: 'C',
          versions: [
            { probabilities: { a: 20 }, madeAt: '2026-03-04T08:00:00Z' },
            { probabilities: { a: 80 }, madeAt: '2026-03-03T08:00:00Z' },
          ],
        },
      ],
    });
    expect(series).toEqual({
      a: [
        { day: '2026-03-02', percent: 10 },
        { day: '2026-03-03', percent: 30 },
        { day: '2026-03-04', percent: 20 },
      ],
      b: [
        { day: '2026-03-03', percent: 50 },
        { day: '2026-03-04', percent: 50 },
      ],
    });
  });

  it('takes the mean of the two middle forecasts for an even count', () => {
    const series = classMedianSeries({
      opensOn: '2026-03-01',
      throughDay: '2026-03-01',
      scenarioIds: ['a'],
      forecasters: [15, 25, 45, 90].map((percent, index) => ({
        id: `p${index}`,
        versions: [{ probabilities: { a: percent }, madeAt: '2026-03-01T08:00:00Z' }],
      })),
    });
    expect(series.a).toEqual([{ day: '2026-03-01', percent: 35 }]);
  });

  it('is empty for a range that ends before it starts', () => {
    const series = classMedianSeries({
      opensOn: '2026-03-02',
      throughDay: '2026-03-01',
      scenarioIds: ['a'],
      forecasters: [
        { id: 'A', versions: [{ probabilities: { a: 10 }, madeAt: '2026-03-01T08:00:00Z' }] },
      ],
    });
    expect(series).toEqual({ a: [] });
  });
});

describe('standingVersionOn', () => {
  const versions = [
    { probabilities: { a: 70 }, madeAt: '2026-03-02T15:00:00Z', reason: 'later that day' },
    { probabilities: { a: 40 }, madeAt: '2026-03-02T09:00:00Z', reason: 'morning' },
    { probabilities: { a: 10 }, madeAt: '2026-03-01T09:00:00Z', reason: null },
  ];

  it('is the last version made on or before the day', () => {
    expect(standingVersionOn(versions, '2026-02-28')).toBeNull();
    expect(standingVersionOn(versions, '2026-03-01')?.probabilities.a).toBe(10);
    expect(standingVersionOn(versions, '2026-03-02')?.reason).toBe('later that day');
    expect(standingVersionOn(versions, '2026-03-09')?.reason).toBe('later that day');
  });
});
