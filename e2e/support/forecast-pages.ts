import { expect, type Locator, type Page } from '@playwright/test';
import { getItemQuestion } from '#domain/lesson/item-question';
import type { ForecastItem } from '#domain/lesson/lesson-schema';

/** A forecast question on a forecasts page (the student's or the teacher's). */
export function forecastQuestion(scope: Page | Locator, item: ForecastItem): Locator {
  return scope.getByRole('article', { name: getItemQuestion(item) });
}

/**
 * The teacher resolves a question on their forecasts page, known today: each scenario by its
 * statement, yes or no with a source link; then confirms.
 */
export async function resolveQuestion(
  page: Page,
  item: ForecastItem,
  outcomes: readonly { statement: string; happened: boolean }[],
) {
  const question = forecastQuestion(page, item);
  const resolve = question.getByRole('button', { name: 'Resolve', exact: true });
  // A question past its close date shows its form open; an open one behind its summary.
  if (await resolve.isHidden()) {
    await question.getByText('Resolve this question', { exact: true }).click();
  }
  for (const { statement, happened } of outcomes) {
    const fields = question.getByRole('group', { name: statement });
    await fields.getByRole('radio', { name: happened ? 'Happened' : 'Did not happen' }).check();
    await fields.getByLabel('Source link').fill('https://example.org/news');
  }
  await resolve.click();
  await page
    .getByRole('dialog', { name: 'Resolve this question?' })
    .getByRole('button', { name: 'Resolve' })
    .click();
  await expect(question.getByText('Resolved', { exact: true })).toBeVisible();
}
