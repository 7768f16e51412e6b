import { describe, expect, it } from 'vitest';
import {
  consensusStatements,
  divisiveStatements,
  representativeStatements,
  tallyVotes,
} from './statement-stats';
import { buildVoteMatrix, type Vote, type VoteValue } from './vote-matrix';

/**
 * Two groups of three (A and B), three statements (A agree, D disagree, P pass):
 *
 *        p1 p2 p3 | p4 p5 p6
 *   s1:  A  A  A  | A  A  P    group A: 3 agree of 3;        group B: 2 agree of 3
 *   s2:  A  A  D  | D  D  D    group A: 2 agree, 1 disagree; group B: 3 disagree of 3
 *   s3:  A  P  P  | D  D  A    group A: 1 agree of 3;        group B: 1 agree, 2 disagree
 */
const table: Record<string, VoteValue[]> = {
  s1: [1, 1, 1, 1, 1, 0],
  s2: [1, 1, -1, -1, -1, -1],
  s3: [1, 0, 0, -1, -1, 1],
};
const participants = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const votes: Vote[] = Object.entries(table).flatMap(([statementId, column]) =>
  column.map((vote, p) => ({ participantId: participants[p]!, statementId, vote })),
);
const matrix = buildVoteMatrix({ participants, statements: ['s1', 's2', 's3'], votes });
const tallies = tallyVotes(matrix, Int32Array.from([0, 0, 0, 1, 1, 1]), 2);
const labels = ['A', 'B'];

describe('consensusStatements', () => {
  it('scores the hand-computed example', () => {
    // s1: (3+1)/(3+2) × (2+1)/(3+2) = 4/5 × 3/5 = 0.48; both groups agree by a majority.
    // s3: (1+1)/(3+2) × (1+1)/(3+2) = 2/5 × 2/5 = 0.16; neither group agrees by a majority.
    // s2: (2+1)/(3+2) × (0+1)/(3+2) = 3/5 × 1/5 = 0.12.
    const consensus = consensusStatements(tallies, matrix.statementIds, labels, 5);
    expect(
      consensus.map(({ statementId, score, isConsensus }) => [statementId, score, isConsensus]),
    ).toEqual([
      ['s1', 0.48, true],
      ['s3', 0.16, false],
      ['s2', 0.12, false],
    ]);
    expect(consensus[0]!.byGroup).toEqual({
      A: { agreePercent: 100, disagreePercent: 0, votes: 3 },
      B: { agreePercent: 67, disagreePercent: 0, votes: 3 },
    });
  });

  it('lists no more than asked', () => {
    expect(consensusStatements(tallies, matrix.statementIds, labels, 1)).toHaveLength(1);
  });
});

describe('divisiveStatements', () => {
  it('scores the hand-computed example', () => {
    // Net agreement (agree − disagree) / votes, then half the spread between the groups:
    // s2: A (2−1)/3 = 1/3, B (0−3)/3 = −1: (1/3 + 1)/2 = 2/3 ≈ 0.67.
    // s3: A (1−0)/3 = 1/3, B (1−2)/3 = −1/3: (1/3 + 1/3)/2 = 1/3 ≈ 0.33.
    // s1: A 3/3 = 1, B 2/3: (1 − 2/3)/2 = 1/6 ≈ 0.17.
    const divisive = divisiveStatements(tallies, matrix.statementIds, labels, 5);
    expect(divisive.map(({ statementId, divisiveness }) => [statementId, divisiveness])).toEqual([
      ['s2', 0.67],
      ['s3', 0.33],
      ['s1', 0.17],
    ]);
    expect(divisive[0]!.byGroup).toEqual({
      A: { agreePercent: 67, disagreePercent: 33, votes: 3 },
      B: { agreePercent: 0, disagreePercent: 100, votes: 3 },
    });
  });
});

describe('representativeStatements', () => {
  it('ranks what a group agrees with more than the rest by ratio × its smoothed share', () => {
    // Group A on s2: p = (2+1)/(3+2) = 0.6, rest p' = (0+1)/(3+2) = 0.2: ratio 3, rank 1.8.
    // Group A on s1: p = 4/5 = 0.8, rest p' = 3/5 = 0.6: ratio 1.33, rank 1.07.
    // s3: 1 agree of 3 votes is no majority.
    expect(representativeStatements(tallies, matrix.statementIds, 0, 'agree', 3)).toEqual([
      { statementId: 's2', direction: 'agree', percent: 67, restPercent: 0, ratio: 3 },
      { statementId: 's1', direction: 'agree', percent: 100, restPercent: 67, ratio: 1.33 },
    ]);
    // Group B agrees with s1 by a majority, but less than group A does (ratio 0.75): not listed.
    expect(representativeStatements(tallies, matrix.statementIds, 1, 'agree', 3)).toEqual([]);
  });

  it('finds what a group disagrees with more than the rest', () => {
    // Group B on s3: p = (2+1)/(3+2) = 0.6, rest p' = (0+1)/(3+2) = 0.2: ratio 3, rank 1.8.
    // Group B on s2: p = (3+1)/(3+2) = 0.8, rest p' = (1+1)/(3+2) = 0.4: ratio 2, rank 1.6.
    expect(representativeStatements(tallies, matrix.statementIds, 1, 'disagree', 3)).toEqual([
      { statementId: 's3', direction: 'disagree', percent: 67, restPercent: 0, ratio: 3 },
      { statementId: 's2', direction: 'disagree', percent: 100, restPercent: 33, ratio: 2 },
    ]);
    expect(representativeStatements(tallies, matrix.statementIds, 1, 'disagree', 1)).toHaveLength(
      1,
    );
    expect(representativeStatements(tallies, matrix.statementIds, 0, 'disagree', 3)).toEqual([]);
  });
});
