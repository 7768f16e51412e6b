import { describe, expect, it } from 'vitest';
import { formatShare, tallySpeakingTurns, type RecordedTurn } from './speaking-turns';

const classOf = (size: number) => Array.from({ length: size }, (_, i) => `s${i + 1}`);
const turnsBy = (...ids: string[]): RecordedTurn[] =>
  ids.map((participantId) => ({ participantId, kind: null }));

describe('tallySpeakingTurns', () => {
  it('gives each student their share, most turns first, and who has not spoken', () => {
    const tally = tallySpeakingTurns(classOf(4), [
      { participantId: 's2', kind: 'new-idea' },
      { participantId: 's3', kind: 'challenges' },
      { participantId: 's2', kind: null },
      { participantId: 's2', kind: 'question' },
    ]);
    expect(tally.totalTurns).toBe(4);
    expect(tally.speakers.map((s) => [s.participantId, s.turns, s.share])).toEqual([
      ['s2', 3, 0.75],
      ['s3', 1, 0.25],
      ['s1', 0, 0],
      ['s4', 0, 0],
    ]);
    expect(tally.speakers[0]?.byKind).toEqual({
      'new-idea': 1,
      'builds-on': 0,
      challenges: 0,
      question: 1,
    });
    expect(tally.speakers[0]?.unmarked).toBe(1);
    expect(tally.notYetSpoken).toEqual(['s1', 's4']);
  });

  it('warns when a quarter of the class or fewer hold half of the turns', () => {
    // 12 students; s1 and s2 hold 6 of 10 turns: 2 of 12 is a sixth of the class.
    const tally = tallySpeakingTurns(
      classOf(12),
      turnsBy('s1', 's1', 's1', 's2', 's2', 's2', 's3', 's4', 's5', 's6'),
    );
    expect(tally.dominance).toEqual({ participantIds: ['s1', 's2'], share: 0.6 });
  });

  it('does not warn when the turns are spread', () => {
    // Half of 8 turns takes 4 of 8 students: more than a quarter.
    const tally = tallySpeakingTurns(
      classOf(8),
      turnsBy('s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'),
    );
    expect(tally.dominance).toBeNull();
  });

  it('waits for six turns and four students before warning', () => {
    expect(tallySpeakingTurns(classOf(10), turnsBy('s1', 's1', 's1', 's1', 's1')).dominance).toBe(
      null,
    );
    expect(
      tallySpeakingTurns(classOf(3), turnsBy('s1', 's1', 's1', 's1', 's1', 's1')).dominance,
    ).toBeNull();
    expect(
      tallySpeakingTurns(classOf(4), turnsBy('s1', 's1', 's1', 's1', 's1', 's1')).dominance,
    ).toEqual({ participantIds: ['s1'], share: 1 });
  });

  it('leaves out the turns of students no longer in the class', () => {
    const tally = tallySpeakingTurns(['s1', 's2'], turnsBy('s1', 'gone', 'gone', 's2'));
    expect(tally.totalTurns).toBe(2);
    expect(tally.speakers.map((s) => s.share)).toEqual([0.5, 0.5]);
  });

  it('has no shares before the first turn', () => {
    const tally = tallySpeakingTurns(classOf(2), []);
    expect(tally.speakers.every((s) => s.share === 0)).toBe(true);
    expect(tally.notYetSpoken).toEqual(['s1', 's2']);
    expect(tally.dominance).toBeNull();
  });
});

describe('formatShare', () => {
  it('prints a whole percent', () => {
    expect(formatShare(0.333)).toBe('33 %');
    expect(formatShare(1)).toBe('100 %');
  });
});
