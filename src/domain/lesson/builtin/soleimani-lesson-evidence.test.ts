import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './soleimani-lesson';

/** The evidence questions and the legality prompt: each side its case, each question one answer. */

const allItems = soleimaniLesson.sections.flatMap((section) => section.items);

describe('the Soleimani lesson’s evidence and legality items', () => {
  describe('two-part evidence questions', () => {
    // Each pair and its one answer: part A's option and part B's sentence.
    const pairs = [
      {
        partA: 'misperception-evidence-answer',
        answerA: 'timid-election',
        partB: 'misperception-evidence-sentence',
        answerB: 'assumed-timid',
      },
      {
        partA: 'red-line-evidence-answer',
        answerA: 'base-killing',
        partB: 'red-line-evidence-sentence',
        answerB: 'difference',
      },
    ];
    const poll = (id: string) => {
      const item = allItems.find((candidate) => candidate.id === id);
      if (item?.kind !== 'poll') throw new Error(`no poll ${id}`);
      return item;
    };
    const words = (text: string): string[] =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s'’-]/gu, ' ')
        .split(/\s+/)
        .filter(Boolean);
    const runsOfFive = (text: string): Set<string> => {
      const list = words(text);
      return new Set(list.slice(0, -4).map((_, i) => list.slice(i, i + 5).join(' ')));
    };

    it('covers every two-part question in the lesson', () => {
      const partAs = allItems.filter(
        (item) => item.kind === 'poll' && item.question.startsWith('Two-part question, part A'),
      );
      expect(partAs.map((item) => item.id).sort()).toEqual(pairs.map((pair) => pair.partA).sort());
    });

    it('has one answer in each part, single choice, named by its feedback', () => {
      for (const pair of pairs) {
        for (const [id, answer] of [
          [pair.partA, pair.answerA],
          [pair.partB, pair.answerB],
        ] as const) {
          const item = poll(id);
          expect(item.mode, id).toBe('single');
          expect(
            item.options.filter((option) => option.id === answer),
            id,
          ).toHaveLength(1);
          expect(item.afterAnswer, id).toBeTruthy();
        }
      }
    });

    it('points part A’s feedback to part B instead of quoting its answer', () => {
      for (const pair of pairs) {
        const feedback = poll(pair.partA).afterAnswer ?? '';
        expect(feedback, pair.partA).toMatch(/part B/i);
        const answer = poll(pair.partB).options.find((option) => option.id === pair.answerB);
        const shared = [...runsOfFive(feedback)].filter((run) =>
          runsOfFive(answer?.label ?? '').has(run),
        );
        expect(shared, `${pair.partA} quotes part B’s answer`).toEqual([]);
      }
    });

    it('reads the embassy attack as the final trigger, not as no reason at all', () => {
      const feedback = poll('red-line-evidence-answer').afterAnswer ?? '';
      expect(feedback).toContain('the straw that broke the camel’s back');
      expect(feedback).toMatch(/final trigger/);
      expect(feedback).not.toMatch(/not the reason\b(?! on its own)/);
    });
  });

  it('gives both cases on the strike’s legality: the Article 51 letter and Callamard', () => {
    const legality = allItems.find((item) => item.id === 'embassies-strike-legality');
    if (legality?.kind !== 'prompt') throw new Error('no legality prompt');
    expect(legality.question).toMatch(/8 January.*Article 51 of the UN Charter/);
    expect(legality.question).toMatch(/2 January 2020 the US Defense Department/);
    expect(legality.question).toMatch(/Agnes Callamard.*independent expert.*Human Rights Council/);
  });
});
