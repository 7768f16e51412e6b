import { describe, expect, it } from 'vitest';
import { groupOf, toClassMap } from './class-map';
import type { OpinionMap } from './opinion-map-schema';

const share = { agreePercent: 100, disagreePercent: 0, votes: 2 };
const map: OpinionMap = {
  status: 'ready',
  counts: { participants: 4, statements: 3, votes: 12 },
  points: [
    { participantId: 'p1', x: -1, y: 0.5, groupLabel: 'A' },
    { participantId: 'p2', x: 1, y: -0.5, groupLabel: 'B' },
  ],
  groups: [
    {
      label: 'A',
      memberIds: ['p1', 'p3'],
      size: 2,
      agreesMore: [
        { statementId: 's1', direction: 'agree', percent: 100, restPercent: 0, ratio: 3 },
      ],
      disagreesMore: [],
    },
    {
      label: 'B',
      memberIds: ['p2', 'p4'],
      size: 2,
      agreesMore: [],
      disagreesMore: [
        { statementId: 'gone', direction: 'disagree', percent: 100, restPercent: 0, ratio: 3 },
      ],
    },
  ],
  consensus: [
    { statementId: 's3', score: 0.5, isConsensus: true, byGroup: { A: share, B: share } },
    { statementId: 's2', score: 0.1, isConsensus: false, byGroup: { A: share, B: share } },
  ],
  divisive: [
    { statementId: 's1', divisiveness: 1, byGroup: { A: share, B: share } },
    { statementId: 's2', divisiveness: 0.1, byGroup: { A: share, B: share } },
  ],
};
const texts: Record<string, string> = { s1: 'One.', s2: 'Two.', s3: 'Three.' };

describe('toClassMap', () => {
  it('names statements by their text, keeps only real consensus and real splits, and no ids', () => {
    const shown = toClassMap(map, (id) => texts[id], { withPoints: true });
    expect(shown).toEqual({
      status: 'ready',
      counts: map.counts,
      points: [
        { x: -1, y: 0.5, group: 'A' },
        { x: 1, y: -0.5, group: 'B' },
      ],
      groups: [
        {
          label: 'A',
          size: 2,
          statements: [{ statementId: 's1', text: 'One.', direction: 'agree', percent: 100 }],
        },
        // A statement since hidden (no text) is left out.
        { label: 'B', size: 2, statements: [] },
      ],
      consensus: [{ statementId: 's3', text: 'Three.' }],
      divisive: [{ statementId: 's1', text: 'One.' }],
    });
    expect(JSON.stringify(shown)).not.toMatch(/p[1-4]/);
  });

  it('leaves the dots out of a student’s view, and says what a map still needs', () => {
    const forStudent = toClassMap(map, (id) => texts[id], { withPoints: false });
    expect(forStudent.status === 'ready' && forStudent.points).toEqual([]);
    const needed = { participants: 2, votesEach: 3, statements: 0 };
    expect(
      toClassMap(
        { status: 'too-few-votes', needed, counts: { participants: 2, statements: 3, votes: 6 } },
        () => undefined,
        { withPoints: true },
      ),
    ).toEqual({
      status: 'too-few-votes',
      needed,
      counts: { participants: 2, statements: 3, votes: 6 },
    });
  });
});

describe('groupOf', () => {
  it('finds a student’s group, and none for a student off the map', () => {
    expect(groupOf(map, 'p4')).toBe('B');
    expect(groupOf(map, 'p9')).toBeNull();
  });
});
