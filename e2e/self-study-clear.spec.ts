import { expect, test, type Page } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expectNoAxeViolations } from './support/page-checks';
import { plannedPrompt, SelfStudyPage } from './support/self-study-page';

const firstSection = lesson.sections[0]!;
const lastSection = lesson.sections.at(-1)!;
const prompt = firstSection.items.find((item) => item.kind === 'prompt')!;
const poll = firstSection.items.find((item) => item.kind === 'poll')!;

/** Everything this page's origin keeps in the browser's local storage, as one text. */
const storedText = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .map((key) => `${key}=${localStorage.getItem(key) ?? ''}`)
      .join('\n'),
  );

test('at the end of the lesson a student on a shared device clears their answers from it', async ({
  page,
}) => {
  const study = new SelfStudyPage(page, lesson);
  await page.goto(`/study/${firstSection.id}`);
  await study.answer(prompt);
  await study.answer(poll);
  await expect.poll(() => storedText(page)).toContain(plannedPrompt(prompt));

  // The last section says where the way to clear them is, and the review offers it.
  await page.goto(`/study/${lastSection.id}`);
  await expect(page.getByText(/^On a shared device\?/)).toBeVisible();
  await page.getByRole('link', { name: 'Review your work' }).click();
  const clear = page.getByRole('button', { name: 'Clear my answers from this device' });
  await expect(clear).toBeVisible();
  await expectNoAxeViolations(page);

  // Changing one's mind keeps everything.
  await clear.click();
  const dialog = page.getByRole('dialog', { name: 'Clear your answers from this device?' });
  await dialog.getByRole('button', { name: 'Keep my answers' }).click();
  await expect(dialog).toBeHidden();
  await expect(clear).toBeFocused();
  expect(await storedText(page)).toContain(plannedPrompt(prompt));

  await clear.click();
  await dialog.getByRole('button', { name: 'Clear my answers', exact: true }).click();
  const cleared = page.getByRole('heading', { level: 1, name: 'Your answers are cleared' });
  await expect(cleared).toBeFocused();
  await expectNoAxeViolations(page);
  const stored = await storedText(page);
  for (const trace of [plannedPrompt(prompt), prompt.id, poll.id, firstSection.id]) {
    expect(stored).not.toContain(trace);
  }

  // After a reload, nothing of theirs is there.
  await page.reload();
  await expect(page.getByText(/^0 of \d+ questions answered or skipped/)).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Start self-study' })).toBeVisible();
  await page.goto(`/study/${firstSection.id}`);
  await expect(study.item(prompt.question).getByRole('textbox')).toHaveValue('');
  for (const option of poll.options) {
    await expect(
      study.item(poll.question).getByRole(poll.mode === 'single' ? 'radio' : 'checkbox', {
        name: option.label,
        exact: true,
      }),
    ).not.toBeChecked();
  }
});
