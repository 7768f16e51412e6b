import { describe, expect, it } from 'vitest';
import { forecastPseudonyms, leaderboardLabel, rankLeaderboard } from './leaderboard';

const score = (brier: number, logScore = brier * 2) => ({ brier, logScore });

describe('rankLeaderboard', () => {
  it('ranks those who opted in by mean Brier, ties sharing a rank', () => {
    const entries = rankLeaderboard([
      { id: 'a', label: 'Zed', optedIn: true, questionScores: [score(0.1), score(0.3)] },
      { id: 'b', label: 'Amy', optedIn: true, questionScores: [score(0.2)] },
      { id: 'c', label: 'Bo', optedIn: true, questionScores: [score(0.05)] },
      { id: 'd', label: 'Out', optedIn: false, questionScores: [score(0)] },
      { id: 'e', label: 'Unscored', optedIn: true, questionScores: [] },
      { id: 'f', label: 'Last', optedIn: true, questionScores: [score(0.5)] },
    ]);
    // Zed: (0.1 + 0.3) / 2 = 0.2, tied with Amy; listed by label, both 2nd; Last is 4th.
    expect(entries.map((e) => [e.rank, e.label, e.questions])).toEqual([
      [1, 'Bo', 1],
      [2, 'Amy', 1],
      [2, 'Zed', 2],
      [4, 'Last', 1],
    ]);
    expect(entries[2]).toMatchObject({ id: 'a', meanBrier: 0.2, meanLogScore: 0.4 });
  });
});

describe('forecastPseudonyms', () => {
  const ids = Array.from({ length: 1000 }, (_, index) => `participant-${index}`);

  it('gives each participant a pseudonym of their own, never empty', () => {
    const pseudonyms = forecastPseudonyms(ids);
    expect(pseudonyms.size).toBe(1000);
    expect(new Set(pseudonyms.values()).size).toBe(1000);
    for (const pseudonym of pseudonyms.values())
      expect(pseudonym).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+( \d+)?$/);
  });

  it('keeps a pseudonym as classmates come and go', () => {
    const whole = forecastPseudonyms(ids.slice(0, 10));
    const fewer = forecastPseudonyms(ids.slice(3, 6).reverse());
    for (const id of ids.slice(3, 6)) expect(fewer.get(id)).toBe(whole.get(id));
  });
});

describe('leaderboardLabel', () => {
  it('shows the pseudonym unless the teacher chose names, and nothing when it is off', () => {
    const student = { displayName: 'Ada', pseudonym: 'Brave Otter' };
    expect(leaderboardLabel('pseudonyms', student)).toBe('Brave Otter');
    expect(leaderboardLabel('names', student)).toBe('Ada');
    expect(leaderboardLabel('off', student)).toBeNull();
  });
});
