import type { Locator } from '@playwright/test';
import type { Item, WritingItem } from '#domain/lesson/lesson-schema';
import { CLAIM_CATEGORY_LABELS } from '#domain/lesson/lesson-constants';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { forecastField } from './support/forecast-inputs';
import { expect, test } from './support/fixtures';
import type { StudentPages } from './support/live-session-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

/** The core path's letter: about 80 words, on a rubric whose criteria describe their levels. */
const letter = lesson.sections
  .flatMap((section) => section.items)
  .find((item): item is WritingItem => item.kind === 'writing' && item.extension !== true);
const LETTER_TEXT =
  'To the editor: your op-ed argues that Iran misread President Trump, taking his restraint ' +
  'for timidity. I agree only in part. The rocket attack of 27 December 2019 hit the K-1 air ' +
  'base near Kirkuk, and the US answered it with strikes of its own, so its messages were ' +
  'mixed, as your closing lesson admits. Some will say that Iran chose to escalate anyway. ' +
  'That is true, yet a confusing policy shares some of the blame for the confusion it causes. Yours, Ana';
/** The level Ana's letter reaches on each criterion, in the rubric's order. */
const LEVELS_GIVEN = [3, 4, 2, 3];

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

test('a student completes the core path and its 80-word letter; the teacher scores it by levels and releases the feedback', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(240_000);
  if (!letter) throw new Error('the shipped lesson has no core writing task');
  const criteria = letter.rubric.map((criterion) => {
    if (!criterion.levels) throw new Error(`criterion ${criterion.id} has no levels`);
    return { ...criterion, levels: criterion.levels };
  });
  expect(LETTER_TEXT.split(/\s+/).length).toBeGreaterThanOrEqual(letter.minWords ?? 0);
  const code = await teacher.startSession('Self-paced');
  const ana = await newStudent();
  await ana.join(code, 'Ana');
  await teacher.expectStudents(['Ana']);

  // The core path: every item not marked as an extension, section by section, the letter last.
  for (const [index, section] of lesson.sections.entries()) {
    await ana.expectSection(section);
    for (const item of section.items) {
      if (item.extension !== true) await answerItem(ana, item);
    }
    const next = lesson.sections[index + 1];
    if (next) await ana.page.getByRole('button', { name: `Next: ${next.title}` }).click();
  }
  // Ana wrote with the rubric's levels in view, and enough words.
  const letterRegion = ana.item(letter);
  await expect(letterRegion.getByText(`Level 4: ${criteria[3]!.levels[3]}`)).toBeVisible();
  await expect(letterRegion.getByText(/^\d+ words \(aim for at least 80\)$/)).toBeVisible();
  // The text box is described by the criteria and the word count; the levels are read apart.
  const box = letterRegion.getByRole('textbox');
  await expect(box).toHaveAccessibleDescription(
    /^Your teacher scores it on these points \(16 in all\): Engages .* \d+ words \(aim for at least 80\)$/,
  );
  await expect(box).not.toHaveAccessibleDescription(/Level 1/);

  // The teacher scores the letter in the report by choosing a level for each criterion, on a
  // small phone's width and with the keyboard only: arrow keys within a criterion, Tab to the next.
  const { page } = teacher;
  await page.setViewportSize({ width: 320, height: 640 });
  await page.getByRole('link', { name: 'Report' }).click();
  const piece = page.getByRole('article', { name: 'Ana' });
  await expect(piece).toContainText('K-1 air base near Kirkuk');
  const rubric = piece.getByRole('group', { name: /^Score against the rubric/ });
  const groups = criteria.map((criterion) =>
    rubric.getByRole('radiogroup', { name: `${criterion.criterion} (0 to ${criterion.points})` }),
  );
  for (const [index, criterion] of criteria.entries()) {
    await expect(groups[index]!.getByRole('radio')).toHaveCount(criterion.points + 1);
  }
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await groups[0]!.getByRole('radio', { name: 'Not shown (0)' }).focus();
  for (const [index, level] of LEVELS_GIVEN.entries()) {
    for (let step = 0; step < level; step += 1) await page.keyboard.press('ArrowDown');
    const criterion = criteria[index]!;
    await expect(
      groups[index]!.getByRole('radio', {
        name: `${level} — ${criterion.levels[level - 1]}`,
        exact: true,
      }),
    ).toBeChecked();
    await page.keyboard.press('Tab');
  }
  const given = LEVELS_GIVEN.reduce((sum, level) => sum + level, 0);
  const total = criteria.reduce((sum, c) => sum + c.points, 0);
  await expect(rubric).toHaveAccessibleName(`Score against the rubric (${given} of ${total})`);
  const comment = piece.getByRole('textbox', { name: 'Comment for Ana' });
  await expect(comment).toBeFocused();
  await page.keyboard.type('Good fact-check. Give the evidence for Iran’s misreading.');
  await page.keyboard.press('Tab');
  await expect(piece.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(piece.getByRole('status')).toHaveText('Saved; Ana cannot see it yet.');
  // A level chosen by pointer counts too: evidence up from 2 to 3.
  await groups[2]!
    .getByRole('radio', { name: `3 — ${criteria[2]!.levels[2]}`, exact: true })
    .check();
  await expect(rubric).toHaveAccessibleName(`Score against the rubric (${given + 1} of ${total})`);

  // Not released: Ana sees no feedback, even after a reload (which opens the first section).
  await ana.page.reload();
  for (const next of lesson.sections.slice(1)) {
    await ana.page.getByRole('button', { name: `Next: ${next.title}` }).click();
    await ana.expectSection(next);
  }
  await expect(ana.item(letter).getByRole('textbox')).toHaveValue(LETTER_TEXT);
  await expect(ana.page.getByRole('region', { name: 'Your teacher’s feedback' })).toBeHidden();

  // Released: it reaches Ana's open page, each criterion with the level reached and what it
  // means, with the comment and the model answer.
  await piece.getByRole('button', { name: 'Save and release to Ana' }).click();
  await expect(piece.getByRole('status')).toHaveText('Released to Ana.');
  const feedback = ana.page.getByRole('region', { name: 'Your teacher’s feedback' });
  await expect(feedback).toBeVisible();
  await expect(feedback.getByRole('heading')).toHaveText(
    `Your teacher’s feedback: ${given + 1} of ${total} points`,
  );
  const reached = [...LEVELS_GIVEN];
  reached[2] = 3;
  await expect(feedback.getByRole('listitem')).toHaveText(
    criteria.map(
      (criterion, index) =>
        `${criterion.criterion}: level ${reached[index]} of ${criterion.points} — ${criterion.levels[reached[index]! - 1]}`,
    ),
  );
  await expect(feedback).toContainText('Give the evidence for Iran’s misreading.');
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
