import { expect, test } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expectKeptForOffline } from './support/offline';

test('after a first visit the app reloads and works with the network off', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: lesson.metadata.title })).toBeVisible();
  // The service worker has precached the app once it controls the page, and kept the lesson.
  await expectKeptForOffline(page, lesson.id);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: lesson.metadata.title })).toBeVisible();
  await page.getByRole('link', { name: 'Start self-study' }).click();
  const first = lesson.sections[0]!;
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();

  // A deep link opened offline is answered by the cached app shell too.
  const last = lesson.sections.at(-1)!;
  await page.goto(`/study/${last.id}`);
  await expect(page.getByRole('heading', { level: 1, name: last.title })).toBeVisible();
  const prompt = last.items.find((item) => item.kind === 'prompt');
  if (prompt?.kind !== 'prompt') throw new Error('the last section has no prompt');
  const answer = page.getByRole('region', { name: prompt.question }).getByRole('textbox');
  await answer.fill('Written on the bus, offline.');
  await page.reload();
  await expect(answer).toHaveValue('Written on the bus, offline.');
});
