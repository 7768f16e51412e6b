import type { z } from 'zod';
import { lessonSchema, type Lesson } from './lesson-schema';

/** Thrown when a lesson does not fit the schema; its message names each offending field path. */
export class LessonValidationError extends Error {
  readonly problems: readonly { path: string; message: string }[];

  constructor(lessonName: string, problems: readonly { path: string; message: string }[]) {
    const listed = problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n');
    super(`Lesson "${lessonName}" is not valid:\n${listed}`);
    this.name = 'LessonValidationError';
    this.problems = problems;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(lesson)' : path.map(String).join('.');
}

function describeIssues(issues: readonly z.core.$ZodIssue[]) {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Validates unknown data (a lesson file, a request body) as a lesson.
 * @throws LessonValidationError naming every field that breaks the schema.
 */
export function parseLesson(input: unknown, lessonName = 'lesson'): Lesson {
  const result = lessonSchema.safeParse(input);
  if (!result.success) {
    throw new LessonValidationError(lessonName, describeIssues(result.error.issues));
  }
  return result.data;
}
