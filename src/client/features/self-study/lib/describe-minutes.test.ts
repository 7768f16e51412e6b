import { describe, expect, it } from 'vitest';
import { describeMinutes } from './describe-minutes';

describe('describeMinutes', () => {
  it('gives the core minutes alone when extension questions add none', () => {
    expect(describeMinutes({ core: 26, withExtensions: 26 })).toBe('26 minutes');
    expect(describeMinutes({ core: 1, withExtensions: 1 })).toBe('1 minute');
  });

  it('adds the minutes with extension questions when they take longer', () => {
    expect(describeMinutes({ core: 45, withExtensions: 55 })).toBe(
      '45 minutes (55 with extension questions)',
    );
  });
});
