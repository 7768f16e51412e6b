import { describe, expect, it } from 'vitest';
import { formatDate, parsePercent } from './format';

describe('parsePercent', () => {
  it('reads whole percentages from 0 to 100', () => {
    expect(parsePercent('0')).toBe(0);
    expect(parsePercent(' 75 ')).toBe(75);
    expect(parsePercent('100')).toBe(100);
  });

  it('refuses anything else', () => {
    for (const typed of ['', '101', '-5', '12.5', 'abc', '5%', '1e2']) {
      expect(parsePercent(typed), typed).toBeNull();
    }
  });
});

describe('formatDate', () => {
  it('writes the day, month and year', () => {
    expect(formatDate('2020-12-31')).toBe('31 December 2020');
  });
});
