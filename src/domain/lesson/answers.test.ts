import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { answerSchema } from './answer-schema';
import type { Lesson, Section } from './lesson-schema';
import {
  type Answer,
  countWords,
  getLessonProgress,
  getSectionProgress,
  isAnswer,
  isItemAnswered,
} from './answers';

const section: Section = {
  id: 'one',
  title: 'One',
  paragraphs: [{ text: 'Some words.' }],
  summary: 'A recap.',
  teacherNotes: ['Listen for evidence.'],
  items: [
    { kind: 'prompt', id: 'p', question: 'Why?', level: 'recall' },
    {
      kind: 'forecast',
      id: 'f',
      question: 'What next?',
      asOf: '2020-01-06',
      horizon: '2020-12-31',
      scenarios: [
        {
          id: 's1',
          statement: 'A',
          resolution: { happened: true, date: '2020-01-08', text: 'A.' },
        },
        {
          id: 's2',
          statement: 'B',
          resolution: { happened: false, date: '2020-12-31', text: 'B.' },
        },
      ],
    },
    {
      kind: 'claimCheck',
      id: 'c',
      instructions: 'Sort them.',
      claims: [{ id: 'c1', quote: 'Some words.', expected: 'fact', explanation: 'It is.' }],
    },
  ],
};

describe('isItemAnswered', () => {
  const [prompt, forecast, claimCheck] = section.items;

  it('needs non-blank text for a prompt', () => {
    expect(isItemAnswered(prompt!, { kind: 'prompt', text: '   ' })).toBe(false);
    expect(isItemAnswered(prompt!, { kind: 'prompt', text: 'Because.' })).toBe(true);
  });

  it('needs every scenario of a forecast and every claim of a claim check', () => {
    expect(isItemAnswered(forecast!, { kind: 'forecast', probabilities: { s1: 40 } })).toBe(false);
    expect(isItemAnswered(forecast!, { kind: 'forecast', probabilities: { s1: 40, s2: 0 } })).toBe(
      true,
    );
    expect(isItemAnswered(claimCheck!, { kind: 'claimCheck', categories: { c1: 'fact' } })).toBe(
      true,
    );
  });

  it('refuses an answer of another kind', () => {
    expect(isItemAnswered(prompt!, { kind: 'scale', value: 3 })).toBe(false);
    expect(isItemAnswered(prompt!, undefined)).toBe(false);
  });
});

describe('progress', () => {
  it('counts answered and skipped items, and completes a section when none is left', () => {
    const answers = { p: { kind: 'prompt', text: 'Yes' } } as const;
    expect(getSectionProgress(section, answers, new Set(['c']))).toEqual({
      total: 3,
      answered: 1,
      skipped: 1,
      isComplete: false,
    });
    expect(getSectionProgress(section, answers, new Set(['c', 'f'])).isComplete).toBe(true);
  });

  it('an answered item counts as answered even if it was skipped before', () => {
    const progress = getSectionProgress(
      section,
      { p: { kind: 'prompt', text: 'x' } },
      new Set(['p']),
    );
    expect(progress).toMatchObject({ answered: 1, skipped: 0 });
  });

  it('sums over the lesson', () => {
    const lesson = { sections: [section, { ...section, id: 'two' }] } as Pick<Lesson, 'sections'>;
    const progress = getLessonProgress(lesson as Lesson, {}, new Set(['p', 'f', 'c']));
    expect(progress).toEqual({ totalItems: 6, doneItems: 6, completeSections: 2, fraction: 1 });
  });

  it('counts words', () => {
    expect(countWords('  two   words ')).toBe(2);
    expect(countWords('')).toBe(0);
  });
});

describe('isAnswer', () => {
  it('accepts each well-formed kind', () => {
    expect(isAnswer({ kind: 'prompt', text: '' })).toBe(true);
    expect(isAnswer({ kind: 'poll', optionIds: ['a'] })).toBe(true);
    expect(isAnswer({ kind: 'scale', value: 5 })).toBe(true);
    expect(isAnswer({ kind: 'forecast', probabilities: { a: 0, b: 100 } })).toBe(true);
    expect(isAnswer({ kind: 'claimCheck', categories: { c: 'fact' } })).toBe(true);
  });

  it('refuses what stored data should never hold', () => {
    for (const value of [
      null,
      'prompt',
      { kind: 'prompt' },
      { kind: 'poll', optionIds: 'a' },
      { kind: 'scale', value: 6 },
      { kind: 'forecast', probabilities: { a: 101 } },
      { kind: 'claimCheck', categories: { c: 'rumour' } },
      { kind: 'essay', text: 'x' },
    ]) {
      expect(isAnswer(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('answerSchema', () => {
  it('accepts only valid Answers (a compile-time check)', () => {
    expectTypeOf<z.infer<typeof answerSchema>>().toExtend<Answer>();
  });
});
