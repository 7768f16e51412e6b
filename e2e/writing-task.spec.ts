import type { Locator } from '@playwright/test';
import type { Item, WritingItem } from '#domain/lesson/lesson-schema';
import { CLAIM_CATEGORY_LABELS } from '#domain/lesson/lesson-constants';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { forecastField } from './support/forecast-inputs';
import { expect, test } from './support/fixtures';
import type { StudentPages } from './support/live-session-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

const letter = lesson.sections
  .flatMap((section) => section.items)
  .find((item): item is WritingItem => item.kind === 'writing');
const LETTER_TEXT =
  'To the editor: your op-ed says the American was killed at a base in Baghdad, but the rocket ' +
  'attack of 27 December 2019 hit the K-1 air base near Kirkuk. Iraq’s view is missing too.';

/** Answers one core item on the student's live page, the simplest complete way. */
async function answerItem(student: StudentPages, item: Item) {
  const region: Locator = student.item(item);
  switch (item.kind) {
    case 'prompt':
      await region.getByRole('textbox').fill(`My answer to ${item.id}, in a few honest words.`);
      break;
    case 'poll':
      await region
        .getByRole(item.mode === 'single' ? 'radio' : 'checkbox', {
          name: item.options[0]!.label,
          exact: true,
        })
        .check();
      break;
    case 'scale':
      await region.getByRole('radio', { name: 'Agree', exact: true }).check();
      break;
    case 'claimCheck':
      for (const claim of item.claims) {
        await region
          .getByRole('radiogroup', { name: claim.quote, exact: true })
          .getByRole('radio', { name: CLAIM_CATEGORY_LABELS[claim.expected], exact: true })
          .check();
      }
      break;
    case 'forecast':
      for (const scenario of item.scenarios) {
        await forecastField(region, scenario.statement).fill('50');
      }
      break;
    case 'writing':
      await region.getByRole('textbox').fill(LETTER_TEXT);
      break;
  }
  await student.expectSaved(item);
}

test('a student completes the core path and the letter; the teacher scores it and releases the feedback', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(240_000);
  if (!letter) throw new Error('the shipped lesson has no writing task');
  const code = await teacher.startSession('Self-paced');
  const ana = await newStudent();
  await ana.join(code, 'Ana');
  await teacher.expectStudents(['Ana']);

  // The core path: every item not marked as an extension, section by section; then the letter.
  for (const [index, section] of lesson.sections.entries()) {
    await ana.expectSection(section);
    for (const item of section.items) {
      if (item.extension !== true) await answerItem(ana, item);
    }
    const next = lesson.sections[index + 1];
    if (next) await ana.page.getByRole('button', { name: `Next: ${next.title}` }).click();
  }
  const letterRegion = ana.item(letter);
  await expect(letterRegion.getByText(letter.rubric[0]!.criterion, { exact: false })).toBeVisible();
  await answerItem(ana, letter);

  // The teacher scores the letter against the rubric in the report, first without releasing,
  // on a small phone's width and with the keyboard only.
  const { page } = teacher;
  await page.setViewportSize({ width: 320, height: 640 });
  await page.getByRole('link', { name: 'Report' }).click();
  const piece = page.getByRole('article', { name: 'Ana' });
  await expect(piece).toContainText('K-1 air base near Kirkuk');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  const rubric = piece.getByRole('group', { name: /^Score against the rubric/ });
  const scoreFields = letter.rubric.map((criterion) =>
    rubric.getByRole('spinbutton', { name: `${criterion.criterion} (0 to ${criterion.points})` }),
  );
  await scoreFields[0]!.focus();
  for (const [index, criterion] of letter.rubric.entries()) {
    await expect(scoreFields[index]!).toBeFocused();
    await page.keyboard.type(String(criterion.points - (index === 0 ? 1 : 0)));
    await page.keyboard.press('Tab');
  }
  const total = letter.rubric.reduce((sum, c) => sum + c.points, 0);
  await expect(rubric).toHaveAccessibleName(`Score against the rubric (${total - 1} of ${total})`);
  const comment = piece.getByRole('textbox', { name: 'Comment for Ana' });
  await expect(comment).toBeFocused();
  await page.keyboard.type('Good fact-check. Say more about the Iraqi view.');
  await page.keyboard.press('Tab');
  await expect(piece.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(piece.getByRole('status')).toHaveText('Saved; Ana cannot see it yet.');

  // Not released: Ana sees no feedback, even after a reload (which opens the first section).
  await ana.page.reload();
  for (const next of lesson.sections.slice(1)) {
    await ana.page.getByRole('button', { name: `Next: ${next.title}` }).click();
    await ana.expectSection(next);
  }
  await expect(ana.item(letter).getByRole('textbox')).toHaveValue(LETTER_TEXT);
  await expect(ana.page.getByRole('region', { name: 'Your teacher’s feedback' })).toBeHidden();

  // Released: it reaches Ana's open page, with the scores, the comment and the model answer.
  await piece.getByRole('button', { name: 'Save and release to Ana' }).click();
  await expect(piece.getByRole('status')).toHaveText('Released to Ana.');
  const feedback = ana.page.getByRole('region', { name: 'Your teacher’s feedback' });
  await expect(feedback).toBeVisible();
  await expect(feedback.getByRole('heading')).toHaveText(
    `Your teacher’s feedback: ${total - 1} of ${total} points`,
  );
  await expect(feedback).toContainText('Good fact-check. Say more about the Iraqi view.');
  await feedback.getByText('A model answer').click();
  await expect(feedback).toContainText(letter.modelAnswer.slice(0, 60));
  await ana.page.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(ana.page);
  await expectNoAxeViolations(ana.page);
});

test('studying alone, a student can compare the letter with a model answer once it is written', async ({
  page,
}) => {
  if (!letter) throw new Error('the lesson has no writing task');
  const section = lesson.sections.find((s) => s.items.includes(letter))!;
  await page.goto(`/s/${lesson.id}/study/${section.id}`);
  const region = page.getByRole('region', { name: letter.task });
  const modelAnswer = region.getByText('Compare with a model answer');
  await region.getByRole('textbox').fill('Too short.');
  await expect(modelAnswer).toBeHidden();
  await region.getByRole('textbox').fill(
    Array(letter.minWords ?? 1)
      .fill('word')
      .join(' '),
  );
  await modelAnswer.click();
  await expect(region.getByText(letter.modelAnswer.split(/\n+/)[0]!)).toBeVisible();
});
