import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, dayRange, daysBetween, isIsoDay, utcDayOf } from './days';

describe('forecast days', () => {
  it('reads the UTC day of an instant, whatever its offset', () => {
    expect(utcDayOf('2026-12-07T23:59:59.999Z')).toBe('2026-12-07');
    expect(utcDayOf('2026-12-07T20:00:00-05:00')).toBe('2026-12-08');
    expect(utcDayOf(new Date(Date.UTC(2026, 0, 1, 0, 0, 0)))).toBe('2026-01-01');
    expect(() => utcDayOf('soon')).toThrow('expected a time, got "soon"');
  });

  it('counts days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1);
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('lists the days of a range, both ends included', () => {
    expect(dayRange('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(dayRange('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('takes only real calendar days written YYYY-MM-DD', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('2026-2-3')).toBe(false);
    expect(isIsoDay('2026-02-28T00:00:00Z')).toBe(false);
    expect(() => dayNumber('2026-13-01')).toThrow('expected a day as YYYY-MM-DD, got "2026-13-01"');
  });
});
