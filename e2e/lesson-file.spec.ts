import { readFile } from 'node:fs/promises';
import { importLessonFile } from '#domain/lesson/lesson-file';
import { LESSON_FILE_SCHEMA_ID } from '#domain/lesson/lesson-json-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';

test('a teacher downloads the lesson as an open file that imports back to the same lesson', async ({
  teacher,
}) => {
  const { page } = teacher;
  await page.goto('/teach');
  const link = page.getByRole('link', { name: 'Download this lesson as a file' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  // The newest published version's file: the built-in lesson's first.
  expect(download.suggestedFilename()).toBe(`${lesson.id}-v1.lesson.json`);
  const imported = importLessonFile(await readFile(await download.path(), 'utf8'));
  expect(imported.ok && imported.lesson.metadata.title).toBe(lesson.metadata.title);
});

test('the app serves the lesson file format as a JSON Schema', async ({ request }) => {
  const response = await request.get('/lesson-file.schema.json');
  expect(response.status()).toBe(200);
  const schema = (await response.json()) as { $id?: string; title?: string };
  // The current version's schema: a file format bump changes it.
  expect(schema.$id).toBe(LESSON_FILE_SCHEMA_ID);
  expect(schema.title).toBeTruthy();
});
