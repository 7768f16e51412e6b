import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** A built-in lesson's file: its name (for messages) and its text. */
export interface BuiltInLessonFile {
  readonly name: string;
  readonly text: string;
}

/** The lessons every install has, as open lesson files kept in the repository. */
const BUILT_IN_LESSON_FILES = [
  new URL('../../domain/lesson/builtin/soleimani-2020.lesson.json', import.meta.url),
];

export async function readBuiltInLessons(): Promise<BuiltInLessonFile[]> {
  return Promise.all(
    BUILT_IN_LESSON_FILES.map(async (url) => ({
      name: fileURLToPath(url),
      text: await readFile(url, 'utf8'),
    })),
  );
}
