import { describeLessonFileProblem, importLessonFile, type LessonFileProblem } from './lesson-file';
import type { Lesson } from './lesson-schema';

/** The lesson-file tests' shared steps: import a file that must pass, or must be refused. */
export function imported(text: string): Lesson {
  const result = importLessonFile(text);
  if (!result.ok) throw new Error(result.problems.map(describeLessonFileProblem).join('\n'));
  return result.lesson;
}

export function problemsOf(
  text: string,
  options?: Parameters<typeof importLessonFile>[1],
): LessonFileProblem[] {
  const result = importLessonFile(text, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineWith(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i >= after && line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
}
