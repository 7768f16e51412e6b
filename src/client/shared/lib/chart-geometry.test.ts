import { describe, expect, it } from 'vitest';
import type { CalibrationRow } from '#domain/api/dashboard-contracts';
import {
  CALIBRATION_PLOT,
  calibrationPoints,
  calibrationX,
  calibrationY,
  describeCalibration,
  describeSpreadCounts,
  describeSpreadStrip,
  SPREAD_STRIP,
  spreadBars,
  spreadX,
} from './chart-geometry';

function row(
  from: number,
  forecasts: number,
  happened: number,
  meanProbability: number | null = null,
): CalibrationRow {
  return {
    from,
    to: from + 20,
    forecasts,
    happened,
    meanProbability,
    observedRate: forecasts === 0 ? null : happened / forecasts,
  };
}

describe('calibration chart geometry', () => {
  const { left, top, size } = CALIBRATION_PLOT;

  it('puts 0 % at the bottom left and 100 % at the top right of a square plot', () => {
    expect([calibrationX(0), calibrationY(0)]).toEqual([left, top + size]);
    expect([calibrationX(100), calibrationY(100)]).toEqual([left + size, top]);
    expect([calibrationX(50), calibrationY(50)]).toEqual([left + size / 2, top + size / 2]);
  });

  it('plots each group at its mean forecast and observed rate, skipping empty groups', () => {
    const points = calibrationPoints([row(0, 0, 0), row(60, 4, 1, 70), row(80, 2, 2, 90)]);
    expect(points.map((p) => [p.label, p.forecast, p.observed, p.forecasts])).toEqual([
      ['60–80 %', 70, 25, 4],
      ['80–100 %', 90, 100, 2],
    ]);
    expect(points[0]).toMatchObject({ cx: calibrationX(70), cy: calibrationY(25) });
  });

  it('falls back on the group’s middle when its mean forecast is unknown', () => {
    const [point] = calibrationPoints([row(20, 2, 1)]);
    expect(point?.forecast).toBe(30);
  });

  it('draws a group of more forecasts as a bigger point, the biggest 10 across', () => {
    const [few, many] = calibrationPoints([row(0, 1, 0, 10), row(20, 9, 3, 30)]);
    expect(many!.r).toBe(10);
    expect(few!.r).toBeGreaterThanOrEqual(4);
    expect(few!.r).toBeLessThan(many!.r);
  });
});

describe('describeCalibration', () => {
  it('names the over-confident, under-confident and about-right groups', () => {
    const points = calibrationPoints([
      row(0, 5, 3, 10),
      row(40, 4, 2, 50),
      row(60, 4, 1, 70),
      row(80, 3, 1, 90),
    ]);
    expect(describeCalibration(points)).toBe(
      'Over-confident at 0–20 %, 60–80 % and 80–100 %; about right at 40–60 %.',
    );
  });

  it('says when the class could have been surer', () => {
    const points = calibrationPoints([row(60, 4, 4, 65)]);
    expect(describeCalibration(points)).toBe('Under-confident at 60–80 %.');
  });

  it('says when there is nothing to plot', () => {
    expect(describeCalibration(calibrationPoints([row(0, 0, 0)]))).toBe(
      'No forecasts to plot yet.',
    );
  });
});

describe('spread strip geometry', () => {
  it('spans 0 to 100 % across the strip', () => {
    expect(spreadX(0)).toBe(SPREAD_STRIP.left);
    expect(spreadX(100)).toBe(SPREAD_STRIP.left + SPREAD_STRIP.width);
  });

  it('stands a bar on the baseline for each tenth with forecasts, the fullest the tallest', () => {
    const buckets = [0, 0, 0, 0, 0, 0, 2, 4, 0, 1];
    const bars = spreadBars(buckets);
    expect(bars.map((b) => b.tenth)).toEqual([6, 7, 9]);
    const [sixties, seventies] = bars;
    expect(seventies!.x).toBe(spreadX(70));
    expect(seventies!.width).toBeCloseTo(SPREAD_STRIP.width / 10);
    expect(seventies!.height).toBe(SPREAD_STRIP.barHeight);
    expect(sixties!.height).toBe(SPREAD_STRIP.barHeight / 2);
    for (const bar of bars) expect(bar.y + bar.height).toBeCloseTo(SPREAD_STRIP.baseline);
  });

  it('draws nothing for no forecasts', () => {
    expect(spreadBars(Array.from({ length: 10 }, () => 0))).toEqual([]);
  });
});

describe('spread text', () => {
  it('lists the tenths that hold forecasts', () => {
    expect(describeSpreadCounts([0, 0, 0, 0, 0, 0, 2, 0, 0, 1])).toBe(
      '2 at 60–70 %, 1 at 90–100 %',
    );
    expect(describeSpreadCounts(Array.from({ length: 10 }, () => 0))).toBe('none');
  });

  it('names a strip by its statement, then its marks', () => {
    expect(
      describeSpreadStrip({ statement: 'Talks resume', mean: 42.4, median: 40, lessonReading: 30 }),
    ).toBe('Talks resume: mean 42 %, median 40 %, the lesson’s reading 30 %');
    expect(
      describeSpreadStrip({
        statement: 'Talks resume',
        mean: null,
        median: null,
        lessonReading: undefined,
      }),
    ).toBe('Talks resume: no forecasts yet');
  });
});
