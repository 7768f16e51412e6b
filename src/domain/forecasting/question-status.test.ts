import { describe, expect, it } from 'vitest';
import { checkCloseDate, defaultClosesOn, questionStatus } from './question-status';

describe('defaultClosesOn', () => {
  it("closes a question about the future on the item's horizon", () => {
    const question = { opensOn: '2026-03-01', horizon: '2026-06-30', sessionEndedOn: '2026-03-01' };
    expect(defaultClosesOn(question)).toBe('2026-06-30');
  });

  it('closes a historical question when its session ends, and leaves it open until then', () => {
    const historical = { opensOn: '2026-03-01', horizon: '2020-03-01' };
    expect(defaultClosesOn({ ...historical, sessionEndedOn: '2026-03-02' })).toBe('2026-03-02');
    expect(defaultClosesOn({ ...historical, sessionEndedOn: null })).toBeNull();
    // A horizon on the opening day itself is no future to forecast either.
    expect(defaultClosesOn({ ...historical, horizon: '2026-03-01', sessionEndedOn: null })).toBe(
      null,
    );
  });
});

describe('questionStatus', () => {
  const question = { closesOn: '2026-03-05', scenarioIds: ['a', 'b'], resolutions: {} };

  it('is open through the close date and closed the day after', () => {
    expect(questionStatus({ ...question, today: '2026-03-01' })).toBe('open');
    expect(questionStatus({ ...question, today: '2026-03-05' })).toBe('open');
    expect(questionStatus({ ...question, today: '2026-03-06' })).toBe('closed');
  });

  it('is resolved once every scenario is, annulled included, even before its close date', () => {
    const yes = { outcome: 'yes' as const, resolvedOn: '2026-03-02' };
    const annulled = { outcome: 'annulled' as const, resolvedOn: '2026-03-02' };
    const partly = { ...question, resolutions: { a: yes } };
    expect(questionStatus({ ...partly, today: '2026-03-03' })).toBe('open');
    expect(questionStatus({ ...partly, today: '2026-03-09' })).toBe('closed');
    const fully = { ...question, resolutions: { a: yes, b: annulled } };
    expect(questionStatus({ ...fully, today: '2026-03-03' })).toBe('resolved');
  });

  it('keeps a question with no close date open until it is resolved', () => {
    expect(questionStatus({ ...question, closesOn: null, today: '2030-01-01' })).toBe('open');
  });
});

describe('checkCloseDate', () => {
  const change = { opensOn: '2026-03-01', today: '2026-03-10' };

  it('lets an open question close today or later, not earlier', () => {
    expect(checkCloseDate({ ...change, status: 'open', closesOn: '2026-03-10' })).toBeNull();
    expect(checkCloseDate({ ...change, status: 'open', closesOn: '2026-03-09' })).toBe(
      'must not be before today (2026-03-10) while the question is open',
    );
  });

  it('lets a closed question be reopened or moved, but not before it opened', () => {
    expect(checkCloseDate({ ...change, status: 'closed', closesOn: '2026-03-04' })).toBeNull();
    expect(checkCloseDate({ ...change, status: 'closed', closesOn: '2026-03-20' })).toBeNull();
    expect(checkCloseDate({ ...change, status: 'closed', closesOn: '2026-02-28' })).toBe(
      'must not be before the day the question opened (2026-03-01)',
    );
  });

  it('refuses to move a resolved question', () => {
    expect(checkCloseDate({ ...change, status: 'resolved', closesOn: '2026-03-20' })).toMatch(
      /resolved/,
    );
  });
});
