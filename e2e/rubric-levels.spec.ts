import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { LessonLibraryPages } from './support/lesson-library-pages';

const ARTICLE_PATH = path.join(import.meta.dirname, 'fixtures', 'webb-first-images.txt');
const LEVELS = ['States a view', 'Gives one reason for it', 'Weighs reasons on both sides'];

test('a teacher describes a criterion’s levels in the editor: too few are named at the field, the preview shows them, and they are kept', async ({
  teacher,
}) => {
  const { page } = teacher;
  const library = new LessonLibraryPages(page);
  await library.open();
  await library.createFromArticle({
    title: 'Webb’s first images, in writing',
    source: 'NASA',
    author: 'NASA news release (sample text written for the test)',
    date: '2022-07-12',
    permission: 'Public domain',
    text: await readFile(ARTICLE_PATH, 'utf8'),
  });

  const writing = await library.addItem(1, 'Add a writing task', 'Item 1: Writing task');
  await writing
    .getByRole('textbox', { name: 'Task', exact: true })
    .fill('Write to NASA: is the first image worth the cost?');
  await writing.getByLabel('Criterion 1', { exact: true }).fill('Gives reasons for a view');
  await writing.getByLabel('Points for criterion 1').fill('3');
  const levels = writing.getByLabel('Levels of criterion 1 (optional)');

  // Two levels for three points: the problem is named beside the field once the teacher moves on.
  await levels.fill(LEVELS.slice(0, 2).join('\n'));
  await levels.press('Tab');
  await expect(levels).toHaveAttribute('aria-invalid', 'true');
  await expect(levels).toHaveAccessibleDescription(
    /has 2 levels, but the criterion is worth 3 points: give one level for each point/,
  );
  // A third line added, a blank line between two is not a level: the criterion is complete.
  await levels.fill(`${LEVELS[0]}\n${LEVELS[1]}\n\n${LEVELS[2]}`);
  await expect(levels).not.toHaveAttribute('aria-invalid', 'true');
  // A level removed: named again.
  await levels.fill(`${LEVELS[0]}\n${LEVELS[2]}`);
  await expect(levels).toHaveAttribute('aria-invalid', 'true');
  await levels.fill(LEVELS.join('\n'));
  await expect(levels).not.toHaveAttribute('aria-invalid', 'true');
  await library.expectSaved();

  // The preview shows the student the levels with the task.
  await page.getByRole('button', { name: 'Preview as a student' }).click();
  const preview = page.getByRole('region', { name: 'Preview as a student' });
  for (const [index, level] of LEVELS.entries()) {
    await expect(preview.getByText(`Level ${index + 1}: ${level}`)).toBeVisible();
  }

  // The saved draft keeps them, a line each.
  await page.reload();
  await expect(page.getByLabel('Levels of criterion 1 (optional)')).toHaveValue(LEVELS.join('\n'));
});
