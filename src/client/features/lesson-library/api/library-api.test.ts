import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '#shared/lib/api-client';
import {
  lessonFilePath,
  lessonProblemsOf,
  moreLessonProblemsOf,
  sharedLessonUrl,
} from './library-api';

describe('the library’s API helpers', () => {
  it('reads the problems of a refused publish or import', () => {
    const problems = [
      { path: 'sections[0].summary', line: 14, message: 'must not be empty' },
      { path: '', line: null, message: 'is not valid JSON' },
    ];
    const error = new ApiRequestError(422, 'lesson_invalid', 'Not valid.', undefined, {
      error: { code: 'lesson_invalid', message: 'Not valid.', problems },
    });
    expect(lessonProblemsOf(error)).toEqual(problems);
    expect(moreLessonProblemsOf(error)).toBe(0);
    const bounded = new ApiRequestError(422, 'lesson_invalid', 'Not valid.', undefined, {
      error: { code: 'lesson_invalid', message: 'Not valid.', problems, moreProblems: 7 },
    });
    expect(moreLessonProblemsOf(bounded)).toBe(7);
  });

  it('gives no list for another error, or for a refusal without one (its message says why)', () => {
    expect(lessonProblemsOf(new ApiRequestError(409, 'draft_conflict', 'Newer draft.'))).toBeNull();
    expect(lessonProblemsOf(new Error('x'))).toBeNull();
    const noChanges = { error: { code: 'lesson_invalid', message: 'There are no changes.' } };
    expect(
      lessonProblemsOf(
        new ApiRequestError(409, 'lesson_invalid', 'There are no changes.', undefined, noChanges),
      ),
    ).toBeNull();
  });

  it('builds the file’s and the shared link’s addresses', () => {
    expect(lessonFilePath('a b')).toBe('/api/lessons/a%20b/file');
    expect(lessonFilePath('x', 3)).toBe('/api/lessons/x/file?version=3');
    expect(sharedLessonUrl('k/1', 'https://class.example')).toBe('https://class.example/s/k%2F1');
  });
});
