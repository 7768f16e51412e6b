import { describe, expect, it } from 'vitest';
import { centredVotes, principalAxes, projectParticipants } from './pca';
import { mulberry32 } from './seeded-random';
import { buildVoteMatrix, type Vote, type VoteValue } from './vote-matrix';

function matrixOf(rows: Record<string, (VoteValue | null)[]>) {
  const statements = ['s1', 's2', 's3', 's4'];
  const votes: Vote[] = Object.entries(rows).flatMap(([participantId, row]) =>
    row.flatMap((vote, s) =>
      vote === null ? [] : [{ participantId, statementId: statements[s]!, vote }],
    ),
  );
  return buildVoteMatrix({ participants: Object.keys(rows), statements, votes });
}

describe('principal axes and projection', () => {
  // Two opposed pairs, who differ on s1 and s2 and all agree on s3 and s4.
  const matrix = matrixOf({
    p1: [1, -1, 1, 1],
    p2: [1, -1, 1, 1],
    p3: [-1, 1, 1, 1],
    p4: [-1, 1, 1, 1],
  });

  it('imputes a missing vote as the statement mean, which centred is 0', () => {
    const withGap = matrixOf({ p1: [1, 1, null, 1], p2: [-1, 1, 1, 1], p3: [1, 1, 1, -1] });
    const centred = centredVotes(withGap);
    expect(centred[2]).toBe(0);
    expect(Array.from(centred.subarray(0, 4))).toEqual([1 - 1 / 3, 0, 0, 1 - 1 / 3]);
  });

  it('finds the axis the class divides along, with its largest loading positive', () => {
    for (const seed of [1, 2, 3]) {
      const [first] = principalAxes(centredVotes(matrix), 4, 4, 1, mulberry32(seed));
      expect(Array.from(first!).map((loading) => Number(loading.toFixed(6)))).toEqual([
        0.707107, -0.707107, 0, 0,
      ]);
    }
  });

  it('places opposed participants opposite, and a second axis with nothing left at 0', () => {
    const centred = centredVotes(matrix);
    const axes = principalAxes(centred, 4, 4, 2, mulberry32(1));
    expect(Array.from(axes[1]!)).toEqual([0, 0, 0, 0]);
    const points = projectParticipants(matrix, centred, axes);
    expect(Array.from(points).map((value) => Number(value.toFixed(6)))).toEqual([
      1.414214, 0, 1.414214, 0, -1.414214, 0, -1.414214, 0,
    ]);
  });
});
