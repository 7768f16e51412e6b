import { describe, expect, it } from 'vitest';
import { addDays, defaultClosesOn, questionStatus, utcDay } from './question-dates';

describe('question dates', () => {
  it('reads the UTC day of an instant, whatever the hour', () => {
    expect(utcDay('2026-03-01T23:59:59.999Z')).toBe('2026-03-01');
    expect(utcDay(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
  });

  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 3)).toBe('2027-01-03');
  });

  it('closes on the horizon when it is after the first day', () => {
    expect(
      defaultClosesOn({ opensOn: '2026-12-07', horizon: '2027-01-31', sessionEndedOn: null }),
    ).toBe('2027-01-31');
  });

  it('closes a question about the past when the session ends, and not before', () => {
    const historical = { opensOn: '2026-12-07', horizon: '2020-06-30' };
    expect(defaultClosesOn({ ...historical, sessionEndedOn: null })).toBeNull();
    expect(defaultClosesOn({ ...historical, sessionEndedOn: '2026-12-08' })).toBe('2026-12-08');
    // A horizon on the first day itself is no future to wait for.
    expect(
      defaultClosesOn({ opensOn: '2026-12-07', horizon: '2026-12-07', sessionEndedOn: null }),
    ).toBeNull();
  });

  it('is open through the close day, closed after it, resolved once every scenario is', () => {
    const question = { closesOn: '2026-12-10', scenarioCount: 2, resolvedCount: 0 };
    expect(questionStatus({ ...question, today: '2026-12-10' })).toBe('open');
    expect(questionStatus({ ...question, today: '2026-12-11' })).toBe('closed');
    expect(questionStatus({ ...question, today: '2026-12-11', resolvedCount: 1 })).toBe('closed');
    expect(questionStatus({ ...question, today: '2026-12-08', resolvedCount: 2 })).toBe('resolved');
    expect(questionStatus({ ...question, closesOn: null, today: '2099-01-01' })).toBe('open');
  });
});
