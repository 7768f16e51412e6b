import { describe, expect, it } from 'vitest';
import { compareLabels, labelGroups, nthLabel } from './group-labels';

describe('nthLabel', () => {
  it('counts A to Z, then AA', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(nthLabel)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
    ]);
  });

  it('orders Z before AA', () => {
    expect(['AA', 'B', 'Z', 'A'].sort(compareLabels)).toEqual(['A', 'B', 'Z', 'AA']);
  });
});

describe('labelGroups', () => {
  it('names new groups A, B, C in the order given', () => {
    expect(labelGroups([['p1'], ['p2'], ['p3']])).toEqual(['A', 'B', 'C']);
  });

  it('keeps the label of the previous group a new group carries on', () => {
    const previous = [
      { label: 'B', memberIds: ['p1', 'p2', 'p3'] },
      { label: 'A', memberIds: ['p4', 'p5', 'p6'] },
    ];
    // p3 changed sides, p7 is new.
    expect(
      labelGroups(
        [
          ['p4', 'p5', 'p6', 'p3'],
          ['p1', 'p2', 'p7'],
        ],
        previous,
      ),
    ).toEqual(['A', 'B']);
  });

  it('gives a group with no past the first label no previous group had', () => {
    const previous = [
      { label: 'A', memberIds: ['p1', 'p2'] },
      { label: 'C', memberIds: ['p3', 'p4'] },
    ];
    expect(labelGroups([['p1', 'p2'], ['p5', 'p6'], ['p3', 'p4'], ['p7']], previous)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
  });

  it('pairs groups to keep the most members, not greedily', () => {
    // Greedy would give A to the first group (6 of A against 5 of B), leaving the second group
    // (5 of A) with a new label: 6 kept. Pairing first → B, second → A keeps 5 + 5 = 10.
    const a = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11'];
    const b = ['b1', 'b2', 'b3', 'b4', 'b5'];
    const previous = [
      { label: 'A', memberIds: a },
      { label: 'B', memberIds: b },
    ];
    expect(labelGroups([[...a.slice(0, 6), ...b], a.slice(6)], previous)).toEqual(['B', 'A']);
  });

  it('reads numeric labels as strings, and hands out no label twice', () => {
    const previous = [
      { label: 1, memberIds: ['p1'] },
      { label: '1', memberIds: ['p2'] },
    ];
    expect(labelGroups([['p1'], ['p2']], previous)).toEqual(['1', 'A']);
  });
});
