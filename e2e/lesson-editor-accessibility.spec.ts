import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { teacherApi } from './support/teacher-api';

/** Opens a copy of the built-in lesson (long: four sections of items) in the teacher's editor. */
async function openLongLesson(page: Page, id: string) {
  await page.goto('/teach');
  const created = (await teacherApi(page, 'POST', '/api/lessons', {
    draft: { ...soleimaniLesson, id },
  })) as { summary: { lessonId: string } };
  await page.goto(`/teach/lessons/${created.summary.lessonId}`);
  await expect(
    page.getByRole('heading', { level: 1, name: soleimaniLesson.metadata.title }),
  ).toBeVisible();
}

test('a draft the server refuses to save is announced, as an alert', async ({ teacher }) => {
  const { page } = teacher;
  await openLongLesson(page, 'save-refused');
  await page.route('**/api/lessons/*/draft', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'internal', message: 'The server failed.' } }),
    }),
  );
  await page.getByLabel('Title of section 1').fill('A title the server will not take');
  // A screen reader hears it without going to look: the message shown is an alert.
  await expect(page.getByText('Not saved: The server failed.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('Draft: Not saved: The server failed.');
});
