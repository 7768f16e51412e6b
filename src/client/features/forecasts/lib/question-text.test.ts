import { describe, expect, it } from 'vitest';
import {
  describeCloseDate,
  describeForecasters,
  describeOutcome,
  formatScore,
  lastScoredDay,
} from './question-text';

const yes = {
  outcome: 'yes',
  resolvedOn: '2026-12-08',
  sourceUrl: 'https://example.org/news',
  source: 'teacher',
} as const;

describe('describeCloseDate', () => {
  it('says the day updates stop, in UTC', () => {
    expect(describeCloseDate({ closesOn: '2026-12-09', status: 'open' })).toBe(
      'Open until the end of 9 December 2026 (UTC)',
    );
    expect(describeCloseDate({ closesOn: '2026-12-09', status: 'closed' })).toBe(
      'Closed at the end of 9 December 2026 (UTC)',
    );
  });

  it('says a question with no close date closes with its session', () => {
    expect(describeCloseDate({ closesOn: null, status: 'open' })).toBe(
      'Closes when the class session ends',
    );
  });
});

describe('describeOutcome', () => {
  it('names each outcome and its day', () => {
    expect(describeOutcome(yes)).toBe('Happened, on 8 December 2026');
    expect(describeOutcome({ ...yes, outcome: 'no' })).toBe(
      'Did not happen (known on 8 December 2026)',
    );
    expect(describeOutcome({ ...yes, outcome: 'annulled', sourceUrl: null })).toBe(
      'Annulled on 8 December 2026: it scores nobody',
    );
    expect(describeOutcome(null)).toBe('Not resolved yet');
  });
});

describe('lastScoredDay', () => {
  it('ends at the close date, or at an earlier resolution', () => {
    expect(lastScoredDay('2026-12-20', null, '2026-12-10')).toBe('2026-12-20');
    expect(lastScoredDay('2026-12-20', yes, '2026-12-10')).toBe('2026-12-08');
    expect(lastScoredDay('2026-12-05', yes, '2026-12-10')).toBe('2026-12-05');
  });

  it('runs to today while the question closes with its session', () => {
    expect(lastScoredDay(null, null, '2026-12-10')).toBe('2026-12-10');
  });
});

describe('formatting', () => {
  it('writes scores to three decimals and a dash for none', () => {
    expect(formatScore(0.0625)).toBe('0.063');
    expect(formatScore(null)).toBe('–');
  });

  it('counts forecasters', () => {
    expect(describeForecasters(1)).toBe('1 student has forecast');
    expect(describeForecasters(3)).toBe('3 students have forecast');
  });
});
