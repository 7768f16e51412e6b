import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, utcDayOf } from '#domain/forecasting/days';
import {
  describeHistory,
  formatPercent,
  HISTORY_PLOT,
  historyAxis,
  historyTicks,
  historyX,
  historyY,
  medianSteps,
  standingByDay,
  stepPath,
} from './history-geometry';

describe('forecast days', () => {
  it('reads a timestamp as its UTC day, whatever its offset', () => {
    expect(utcDayOf('2026-12-07T23:30:00-02:00')).toBe('2026-12-08');
    expect(utcDayOf('2026-12-07T00:10:00+01:00')).toBe('2026-12-06');
  });

  it('counts days across a month and a leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dayNumber('2026-12-10') - dayNumber('2026-12-07')).toBe(3);
  });
});

describe('standingByDay', () => {
  it('keeps the last version of a day and only the days that change the forecast', () => {
    const steps = standingByDay([
      { madeAt: '2026-12-10T09:00:00Z', percent: 65 },
      { madeAt: '2026-12-07T09:00:00Z', percent: 30 },
      { madeAt: '2026-12-07T15:00:00Z', percent: 40 },
      { madeAt: '2026-12-08T10:00:00Z', percent: 40 },
    ]);
    expect(steps).toEqual([
      { day: '2026-12-07', percent: 40 },
      { day: '2026-12-10', percent: 65 },
    ]);
  });

  it('has no steps without versions', () => {
    expect(standingByDay([])).toEqual([]);
  });
});

describe('medianSteps', () => {
  it('sorts the series and keeps the days the median changes', () => {
    expect(
      medianSteps([
        { day: '2026-12-09', percent: 50 },
        { day: '2026-12-07', percent: 40 },
        { day: '2026-12-08', percent: 40 },
      ]),
    ).toEqual([
      { day: '2026-12-07', percent: 40 },
      { day: '2026-12-09', percent: 50 },
    ]);
  });
});

describe('the chart geometry', () => {
  const axis = historyAxis('2026-12-07', '2026-12-10', []);

  it('spans the question window, widened to a point outside it', () => {
    expect(axis).toEqual({ from: '2026-12-07', to: '2026-12-10' });
    expect(historyAxis('2026-12-07', '2026-12-10', [[{ day: '2026-12-12', percent: 5 }]])).toEqual({
      from: '2026-12-07',
      to: '2026-12-12',
    });
  });

  it('gives each day an equal band, the first at the left edge', () => {
    expect(historyX(axis, '2026-12-07')).toBe(HISTORY_PLOT.left);
    expect(historyX(axis, '2026-12-11')).toBe(HISTORY_PLOT.left + HISTORY_PLOT.width);
    expect(historyX(axis, '2026-12-09')).toBe(HISTORY_PLOT.left + HISTORY_PLOT.width / 2);
  });

  it('puts 0 % at the bottom and 100 % at the top', () => {
    expect(historyY(0)).toBe(HISTORY_PLOT.top + HISTORY_PLOT.height);
    expect(historyY(100)).toBe(HISTORY_PLOT.top);
  });

  it('draws each forecast held until the next, the last through the given day', () => {
    const quarter = HISTORY_PLOT.width / 4;
    const path = stepPath(
      axis,
      [
        { day: '2026-12-07', percent: 40 },
        { day: '2026-12-09', percent: 60 },
      ],
      '2026-12-09',
    );
    const { left } = HISTORY_PLOT;
    expect(path).toBe(
      `M${left.toFixed(1)} ${historyY(40).toFixed(1)}H${(left + 2 * quarter).toFixed(1)}` +
        `V${historyY(60).toFixed(1)}H${(left + 3 * quarter).toFixed(1)}`,
    );
  });

  it('draws nothing without points', () => {
    expect(stepPath(axis, [], '2026-12-10')).toBe('');
  });

  it('labels the first and last day, and today between them', () => {
    expect(historyTicks(axis).map((t) => t.day)).toEqual(['2026-12-07', '2026-12-10']);
    expect(historyTicks(axis, '2026-12-08').map((t) => t.day)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-10',
    ]);
    expect(historyTicks(axis, '2026-12-20').map((t) => t.day)).toEqual([
      '2026-12-07',
      '2026-12-10',
    ]);
  });
});

describe('describeHistory', () => {
  it('says where the forecast went and where the class median stands', () => {
    expect(
      describeHistory(
        [
          { day: '2026-12-07', percent: 40 },
          { day: '2026-12-10', percent: 65 },
        ],
        [{ day: '2026-12-10', percent: 52.5 }],
      ),
    ).toBe(
      'Your forecast went from 40 % on 7 Dec to 65 % on 10 Dec, in 2 steps. The class median: 52.5 %.',
    );
  });

  it('says when there is no forecast and no median yet', () => {
    expect(describeHistory([], [])).toBe('No forecast of yours yet. No class median yet.');
    expect(describeHistory([{ day: '2026-12-07', percent: 40 }], [])).toBe(
      'Your forecast: 40 % since 7 Dec. No class median yet.',
    );
  });

  it('says the median alone for the teacher', () => {
    expect(describeHistory(null, [{ day: '2026-12-07', percent: 40 }])).toBe(
      'The class median: 40 %.',
    );
  });

  it('writes a median between whole percents with one decimal', () => {
    expect(formatPercent(52.25)).toBe('52.3 %');
    expect(formatPercent(50)).toBe('50 %');
  });
});
