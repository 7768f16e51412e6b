import { describe, expect, it } from 'vitest';
import type { Answer } from '../lesson/answers';
import type { Lesson } from '../lesson/lesson-schema';
import { completionOf, gradeOf, hasFinished, type GradeInput } from './grade';

const input = (changes: Partial<GradeInput>): GradeInput => ({
  isFinished: true,
  completion: null,
  forecast: null,
  writing: null,
  isAwaitingMarks: false,
  ...changes,
});

describe('gradeOf', () => {
  it('is the mean of completion, forecast skill and writing, naming each in the comment', () => {
    // 4 of 5 = 80; 100 × (1 − 0.09) = 91; 6 of 8 = 75; (80 + 91 + 75) / 3 = 82.
    const grade = gradeOf(
      input({
        completion: { answered: 4, of: 5 },
        forecast: { meanBrier: 0.09, questions: 2 },
        writing: { points: 6, of: 8, tasks: 1 },
      }),
    );
    expect(grade).toMatchObject({
      scoreGiven: 82,
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
    expect(grade.components.map((c) => [c.name, c.percent])).toEqual([
      ['completion', 80],
      ['forecast', 91],
      ['writing', 75],
    ]);
    expect(grade.comment).toBe(
      'Completion 80% (4 of 5 items answered); Forecast skill 91% (100 × (1 − time-weighted Brier 0.090), 2 questions scored); Writing 75% (6 of 8 rubric points, 1 task). Grade 82 = the mean of 3 parts.',
    );
  });

  it('rounds each part and the grade to one decimal', () => {
    // 2 of 3 = 66.7; 5 of 7 = 71.4; (66.7 + 71.4) / 2 = 69.05 → 69.1.
    const grade = gradeOf(
      input({ completion: { answered: 2, of: 3 }, writing: { points: 5, of: 7, tasks: 2 } }),
    );
    expect(grade.scoreGiven).toBe(69.1);
    // 100 × (1 − 0.2345) = 76.55 → 76.6
    expect(gradeOf(input({ forecast: { meanBrier: 0.2345, questions: 1 } })).scoreGiven).toBe(76.6);
  });

  it('is pending while marks are to come, and in progress before the student finished', () => {
    const grade = gradeOf(
      input({ isFinished: false, completion: { answered: 1, of: 2 }, isAwaitingMarks: true }),
    );
    expect(grade).toMatchObject({
      scoreGiven: 50,
      activityProgress: 'InProgress',
      gradingProgress: 'Pending',
    });
    expect(grade.comment).toMatch(/More marks to come\.$/);
  });

  it('gives no score when there is nothing to grade', () => {
    expect(gradeOf(input({}))).toMatchObject({
      scoreGiven: null,
      gradingProgress: 'NotReady',
      comment: 'Nothing to grade yet.',
    });
  });
});

const lesson = {
  sections: [
    {
      items: [
        { id: 'p1', kind: 'prompt' },
        { id: 's1', kind: 'statements' },
        { id: 'x1', kind: 'prompt', extension: true },
      ],
    },
    { items: [{ id: 'v1', kind: 'scale' }] },
  ],
} as unknown as Lesson;

describe('completionOf and hasFinished', () => {
  it('counts the core items that take an answer, and the complete answers to them', () => {
    const answers = new Map<string, Answer>([
      ['p1', { kind: 'prompt', text: '  ' }],
      ['x1', { kind: 'prompt', text: 'extra' }],
      ['v1', { kind: 'scale', value: 3 }],
    ]);
    // A blank prompt is no answer; the extension and the statements do not count.
    expect(completionOf(lesson, answers)).toEqual({ answered: 1, of: 2 });
  });

  it('finishes a student when the session ends, or self-paced when every core item is answered', () => {
    const all = { answered: 2, of: 2 };
    const some = { answered: 1, of: 2 };
    expect(hasFinished({ sessionStatus: 'ended', mode: 'teacher-paced', completion: some })).toBe(
      true,
    );
    expect(hasFinished({ sessionStatus: 'open', mode: 'teacher-paced', completion: all })).toBe(
      false,
    );
    expect(hasFinished({ sessionStatus: 'open', mode: 'self-paced', completion: all })).toBe(true);
    expect(hasFinished({ sessionStatus: 'open', mode: 'self-paced', completion: some })).toBe(
      false,
    );
  });
});
