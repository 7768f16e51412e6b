import { describe, expect, it } from 'vitest';
import { nextStatementToVoteOn, tallyVotes } from './statement-votes';

describe('tallyVotes', () => {
  it('counts agree, disagree and pass per statement', () => {
    const tallies = tallyVotes([
      { participantId: 'p1', statementId: 's1', vote: 1 },
      { participantId: 'p2', statementId: 's1', vote: -1 },
      { participantId: 'p3', statementId: 's1', vote: 1 },
      { participantId: 'p1', statementId: 's2', vote: 0 },
    ]);
    expect(tallies.get('s1')).toEqual({ agree: 2, disagree: 1, pass: 0 });
    expect(tallies.get('s2')).toEqual({ agree: 0, disagree: 0, pass: 1 });
    expect(tallies.has('s3')).toBe(false);
  });
});

describe('nextStatementToVoteOn', () => {
  const statement = (id: string, votes: number, createdAt: string) => ({ id, votes, createdAt });
  const unvoted = [
    statement('a', 3, '2026-01-01T10:00:00Z'),
    statement('b', 1, '2026-01-01T10:00:00Z'),
    statement('c', 1, '2026-01-01T10:05:00Z'),
  ];

  it('keeps the statement on the screen until it is voted on', () => {
    expect(nextStatementToVoteOn(unvoted, 'a')?.id).toBe('a');
  });

  it('offers the least voted, the newest among equals', () => {
    expect(nextStatementToVoteOn(unvoted)?.id).toBe('c');
    expect(nextStatementToVoteOn(unvoted, 'gone')?.id).toBe('c');
  });

  it("offers none when every statement has the student's vote", () => {
    expect(nextStatementToVoteOn(unvoted.slice(0, 0))).toBeUndefined();
  });
});
