import { expect, test } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { plannedPrompt, SelfStudyPage } from './support/self-study-page';

const section = lesson.sections[0]!;
const poll = section.items.find((item) => item.kind === 'poll');
const prompt = section.items.find((item) => item.kind === 'prompt');
const laterSection = lesson.sections[1]!;
const laterPrompt = laterSection.items.find((item) => item.kind === 'prompt');

test('two tabs of one browser keep each other’s answers, and a start-over stays done', async ({
  context,
}) => {
  if (poll?.kind !== 'poll' || prompt?.kind !== 'prompt' || laterPrompt?.kind !== 'prompt') {
    throw new Error('the lesson needs a poll and a prompt in section 1 and a prompt in section 2');
  }
  const [pageA, pageB] = [await context.newPage(), await context.newPage()];
  const [tabA, tabB] = [new SelfStudyPage(pageA, lesson), new SelfStudyPage(pageB, lesson)];
  for (const tab of [tabA, tabB]) {
    await tab.page.goto(`/study/${section.id}`);
    await tab.expectSection(section);
  }

  // B answers the prompt; A, never reloaded, answers the poll and sees B's answer arrive.
  await tabB.answer(prompt);
  await tabA.answer(poll);
  await tabA.expectAnswered(prompt);
  await tabB.expectAnswered(poll);

  for (const tab of [tabA, tabB]) {
    await tab.page.reload();
    await tab.expectSection(section);
    await tab.expectAnswered(prompt);
    await tab.expectAnswered(poll);
  }

  // A starts over from the home page; B, still showing the old answers, clears too.
  await pageA.getByRole('link', { name: 'Article Discussion' }).click();
  await pageA.getByRole('button', { name: 'Start over' }).click();
  await pageA
    .getByRole('dialog', { name: 'Start over?' })
    .getByRole('button', { name: 'Delete my answers and start over' })
    .click();
  await expect(pageA.getByRole('link', { name: 'Start self-study' })).toBeVisible();
  await expect(tabB.item(prompt.question).getByRole('textbox')).toHaveValue('');

  // B saves something new: the deleted answers do not come back, in either tab.
  await pageB.getByRole('link', { name: `Next: ${laterSection.title}` }).click();
  await tabB.answer(laterPrompt);
  await expect(pageA.getByRole('link', { name: /^Resume at section/ })).toBeVisible();
  for (const tab of [tabA, tabB]) {
    await tab.page.goto(`/study/${section.id}`);
    await expect(tab.item(prompt.question).getByRole('textbox')).toHaveValue('');
    await expect(
      tab
        .item(poll.question)
        .getByRole(poll.mode === 'single' ? 'radio' : 'checkbox')
        .first(),
    ).not.toBeChecked();
    await tab.page.goto(`/study/${laterSection.id}`);
    await expect(tab.item(laterPrompt.question).getByRole('textbox')).toHaveValue(
      plannedPrompt(laterPrompt),
    );
  }
});

test('a tab that missed the other’s start-over cannot bring the deleted answers back', async ({
  context,
}) => {
  if (poll?.kind !== 'poll' || prompt?.kind !== 'prompt') {
    throw new Error('the lesson needs a poll and a prompt in section 1');
  }
  const [pageA, pageB] = [await context.newPage(), await context.newPage()];
  // B hears nothing from A, like a tab the browser froze in the background: only what it saves
  // itself meets A's work, in storage.
  await pageB.addInitScript(() => {
    window.addEventListener(
      'storage',
      (event) => {
        event.stopImmediatePropagation();
      },
      true,
    );
  });
  const [tabA, tabB] = [new SelfStudyPage(pageA, lesson), new SelfStudyPage(pageB, lesson)];
  await pageB.goto(`/study/${section.id}`);
  await tabB.answer(prompt);
  await pageA.goto('/');
  await pageA.getByRole('button', { name: 'Start over' }).click();
  await pageA
    .getByRole('dialog', { name: 'Start over?' })
    .getByRole('button', { name: 'Delete my answers and start over' })
    .click();
  await expect(pageA.getByRole('link', { name: 'Start self-study' })).toBeVisible();

  // B still shows its old answer, and saves a new one beside it.
  await tabB.expectAnswered(prompt);
  await tabB.answer(poll);
  for (const tab of [tabA, tabB]) {
    await tab.page.goto(`/study/${section.id}`);
    await expect(tab.item(prompt.question).getByRole('textbox')).toHaveValue('');
    await tab.expectAnswered(poll);
  }
});
