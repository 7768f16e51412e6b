import { expect, test } from '@playwright/test';
import { getItemQuestion } from '#domain/lesson/item-question';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { SelfStudyPage } from './support/self-study-page';

const section = lesson.sections[0]!;
const [firstItem, secondItem] = section.items;

test('focus moves to the new view’s heading, or the next question, after each move', async ({
  page,
}) => {
  if (!firstItem || !secondItem || section.items.length !== 2) {
    throw new Error('section 1 should have exactly two questions');
  }
  const study = new SelfStudyPage(page, lesson);
  await page.goto('/');

  await page.getByRole('link', { name: 'Start self-study' }).click();
  await expect(page.getByRole('heading', { level: 1, name: section.title })).toBeFocused();

  // Skipping a question moves on to the next one; skipping the last, to the summary it opens.
  const first = study.item(getItemQuestion(firstItem));
  await first.getByRole('button', { name: 'Skip this question' }).click();
  await expect(first.getByText('Skipped. You can still answer it.')).toBeVisible();
  const second = study.item(getItemQuestion(secondItem));
  await expect(
    second.getByRole('heading', { name: getItemQuestion(secondItem), exact: true }),
  ).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(second.getByRole('textbox')).toBeFocused();
  await second.getByRole('button', { name: 'Skip this question' }).click();
  const summary = page.getByRole('region', { name: 'Section summary' });
  await expect(summary).toContainText(section.summary);
  await expect(summary.getByRole('heading', { name: 'Section summary' })).toBeFocused();

  // The home page, then the review, reached by links (the second by keyboard alone).
  await page.getByRole('link', { name: 'Article Discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: lesson.metadata.title })).toBeFocused();
  await page.getByRole('link', { name: 'Review your work' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your review' })).toBeFocused();

  // Back to the home page with the browser's back button, and start over there.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: lesson.metadata.title })).toBeFocused();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Delete my answers and start over' }).click();
  await expect(page.getByRole('link', { name: 'Start self-study' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Self-study' })).toBeFocused();
});
