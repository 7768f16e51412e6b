import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import { describeLessonFileProblem, importLessonFile, LESSON_FILE_FORMAT } from './lesson-file';
import { RUBRIC_LEVEL_TEXT_MAX } from './lesson-constants';
import type { Lesson, RubricCriterion, WritingItem } from './lesson-schema';
import { lineWith, problemsOf } from './lesson-file-test-helpers';
import { checkRubricScores, describeScore } from './rubric';

const LEVELS = [
  'Restates the article without a view of its own',
  'Takes a view, with a reason that does not hold',
  'Takes a view and gives a reason from the article',
  'Takes a view and reasons from the article’s own evidence to it',
];

/** The built-in lesson as a file, its first writing task's rubric replaced by `rubric`. */
function fileWithRubric(rubric: unknown[]): string {
  const lesson = structuredClone<Lesson>(soleimaniLesson);
  const writing = lesson.sections
    .flatMap((section) => section.items)
    .find((item): item is WritingItem => item.kind === 'writing');
  if (!writing) throw new Error('the built-in lesson has no writing task');
  writing.rubric = rubric as RubricCriterion[];
  return JSON.stringify({ format: LESSON_FILE_FORMAT, ...lesson }, null, 2);
}

/** Where the built-in lesson's first writing task is, as a field path. */
function writingPath(): string {
  for (const [s, section] of soleimaniLesson.sections.entries()) {
    const i = section.items.findIndex((item) => item.kind === 'writing');
    if (i >= 0) return `sections[${s}].items[${i}]`;
  }
  throw new Error('the built-in lesson has no writing task');
}

describe('a rubric criterion’s levels', () => {
  it('are imported with the criterion, one per point, and may be left out', () => {
    const text = fileWithRubric([
      { id: 'reasoning', criterion: 'Reasons from evidence', points: 4, levels: LEVELS },
      { id: 'form', criterion: 'Reads as a letter', points: 1 },
    ]);
    const result = importLessonFile(text);
    if (!result.ok) throw new Error(result.problems.map(describeLessonFileProblem).join('\n'));
    const writing = result.lesson.sections
      .flatMap((section) => section.items)
      .find((item): item is WritingItem => item.kind === 'writing');
    expect(writing?.rubric).toStrictEqual([
      { id: 'reasoning', criterion: 'Reasons from evidence', points: 4, levels: LEVELS },
      { id: 'form', criterion: 'Reads as a letter', points: 1 },
    ]);
  });

  it.each([
    [3, 4, 'has 3 levels, but the criterion is worth 4 points'],
    [5, 4, 'has 5 levels, but the criterion is worth 4 points'],
    [1, 2, 'has 1 level, but the criterion is worth 2 points'],
    [2, 1, 'has 2 levels, but the criterion is worth 1 point'],
  ])('refuses %i levels for %i points, naming the field', (count, points, start) => {
    const text = fileWithRubric([
      {
        id: 'reasoning',
        criterion: 'Reasons',
        points,
        levels: LEVELS.concat(LEVELS).slice(0, count),
      },
    ]);
    const problems = problemsOf(text);
    expect(problems).toStrictEqual([
      {
        path: `${writingPath()}.rubric[0].levels`,
        line: lineWith(text, '"levels": ['),
        message: `${start}: give one level for each point (level 1 to ${points}), or none`,
      },
    ]);
    expect(describeLessonFileProblem(problems[0]!)).toMatch(
      /^Line \d+, Section \d+, item \d+, criterion 1, levels \(sections\[\d+\]\.items\[\d+\]\.rubric\[0\]\.levels\): has /,
    );
  });

  it('refuses an empty level, one on two lines and one too long, at the level', () => {
    const text = fileWithRubric([
      {
        id: 'reasoning',
        criterion: 'Reasons',
        points: 4,
        levels: ['  ', 'Two\nlines', 'x'.repeat(RUBRIC_LEVEL_TEXT_MAX + 1), 'Fine'],
      },
    ]);
    const at = `${writingPath()}.rubric[0].levels`;
    expect(problemsOf(text).map(({ path, message }) => ({ path, message }))).toStrictEqual([
      { path: `${at}[0]`, message: 'must not be empty' },
      { path: `${at}[1]`, message: 'must be one line, without line breaks' },
      { path: `${at}[2]`, message: `must be at most ${RUBRIC_LEVEL_TEXT_MAX} characters` },
    ]);
  });
});

describe('scores for a leveled rubric', () => {
  const item = {
    rubric: [
      { id: 'reasoning', criterion: 'Reasons', points: 4, levels: LEVELS },
      { id: 'form', criterion: 'Reads as a letter', points: 1 },
    ],
  };

  it('take each level as its points, 0 for not shown', () => {
    expect(checkRubricScores(item, { reasoning: 0, form: 1 })).toBeNull();
    expect(checkRubricScores(item, { reasoning: 4, form: 0 })).toBeNull();
  });

  it('refuse a level the criterion does not have, or part of one', () => {
    expect(checkRubricScores(item, { reasoning: 5, form: 1 })).toBe(
      'reasoning takes a whole number from 0 to 4',
    );
    expect(checkRubricScores(item, { reasoning: 2.5, form: 1 })).toBe(
      'reasoning takes a whole number from 0 to 4',
    );
    expect(checkRubricScores(item, { reasoning: 2 })).toBe(
      'score every criterion of the rubric (missing: form)',
    );
  });
});

describe('a score as the student reads it', () => {
  const leveled = { points: 4, levels: LEVELS };

  it('names the level reached with its descriptor, or that it was not shown', () => {
    expect(describeScore(leveled, 3)).toBe(`level 3 of 4 — ${LEVELS[2]}`);
    expect(describeScore(leveled, 0)).toBe('not shown (0 of 4)');
  });

  it('gives the points of a criterion without levels', () => {
    expect(describeScore({ points: 2 }, 1)).toBe('1 of 2');
  });
});
