import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { takesAnAnswer } from '#domain/lesson/answers';
import { getItemQuestion } from '#domain/lesson/item-question';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { forecastField, forecastSlider } from './support/forecast-inputs';
import { FORECAST_PLAN, plannedPrompt, SelfStudyPage } from './support/self-study-page';

const sections = lesson.sections;
const allItems = sections.flatMap((s) => s.items);
const forecast = allItems.find((item) => item.kind === 'forecast');
const firstPrompt = allItems.find((item) => item.kind === 'prompt');
const lastSection = sections.at(-1)!;
// The student deliberately skips one question of the last section, to test skipping.
const skippedItem = lastSection.items.at(-1)!;

test('a student works through the whole lesson, reloads midway, and sees their scores', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const study = new SelfStudyPage(page, lesson);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: lesson.metadata.title })).toBeVisible();
  // The time is computed from the lesson's content: its words and its questions.
  const { classroom, selfStudy } = lessonDuration(lesson);
  await expect(
    page.getByText(
      `About ${selfStudy.core} minutes (${selfStudy.withExtensions} with extension questions) ` +
        `on your own, ${classroom.core} minutes ` +
        `(${classroom.withExtensions} with extension questions) in class`,
    ),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Start self-study' }).click();
  // The lesson's text is marked with its language, for screen readers.
  await expect(page.getByRole('article', { name: 'Article text' })).toHaveAttribute(
    'lang',
    lesson.metadata.language,
  );

  const midway = Math.floor(sections.length / 2);
  for (const [index, section] of sections.entries()) {
    await study.expectSection(section);
    const summary = page.getByRole('region', { name: 'Section summary' });
    await expect(summary).not.toContainText(section.summary);

    for (const item of section.items) {
      if (item === skippedItem) {
        await study
          .item(getItemQuestion(item))
          .getByRole('button', { name: 'Skip this question' })
          .click();
      } else {
        await study.answer(item);
      }
    }
    await expect(summary).toContainText(section.summary);

    if (index === midway) {
      // Every answer given so far is still there after a reload.
      await page.reload();
      await study.expectSection(section);
      for (const earlier of sections.slice(0, index + 1)) {
        if (earlier !== section) {
          await page.goto(`/study/${earlier.id}`);
          await study.expectSection(earlier);
        }
        for (const done of earlier.items) {
          if (done !== skippedItem) await study.expectAnswered(done);
        }
        if (earlier !== section) await page.goBack();
      }
      await study.expectSection(section);
    }

    const next = sections[index + 1];
    if (next) await study.goToNextSection(next);
  }

  await page.getByRole('link', { name: 'Review your work' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your review' })).toBeVisible();
  // Class statements ask nothing of a student alone: they are no question to answer or skip.
  const questions = allItems.filter(takesAnAnswer).length;
  await expect(
    page.getByText(`${questions} of ${questions} questions answered or skipped`),
  ).toBeVisible();

  // Each forecast beside its outcome, with the Brier score the entered probability gives.
  if (forecast?.kind !== 'forecast') throw new Error('the lesson has no forecast item');
  const table = page.getByRole('table', { name: /Your forecasts as of/ });
  const briers: number[] = [];
  for (const [index, scenario] of forecast.scenarios.entries()) {
    const percent = FORECAST_PLAN[index % FORECAST_PLAN.length]!;
    const outcome = scenario.resolution?.happened ? 1 : 0;
    const brier = (percent / 100 - outcome) ** 2;
    briers.push(brier);
    const row = table.getByRole('row', {
      name: new RegExp(`^${escapeRegExp(scenario.statement)}`),
    });
    await expect(row.getByRole('cell').nth(0)).toHaveText(`${percent} %`);
    await expect(row).toContainText(scenario.resolution!.text);
    await expect(row.getByRole('cell').last()).toHaveText(brier.toFixed(3));
  }
  const meanBrier = briers.reduce((a, b) => a + b, 0) / briers.length;
  await expect(page.getByText(`Your mean Brier score: ${meanBrier.toFixed(3)}`)).toBeVisible();

  // Answers and what each claim check expected are on the review.
  if (firstPrompt?.kind === 'prompt')
    await expect(page.getByText(plannedPrompt(firstPrompt))).toBeVisible();
  const claimCheck = allItems.find((item) => item.kind === 'claimCheck');
  if (claimCheck?.kind !== 'claimCheck') throw new Error('the lesson has no claim check');
  const firstClaim = claimCheck.claims[0]!;
  await expect(
    page.getByRole('listitem').filter({ hasText: firstClaim.explanation }).first(),
  ).toContainText(
    `the lesson expected ${firstClaim.expected.charAt(0).toUpperCase()}${firstClaim.expected.slice(1)}`,
  );

  // The work can be kept as Markdown.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as Markdown' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${lesson.id}-my-work.md`);
  const markdown = await readFile(await download.path(), 'utf8');
  expect(markdown).toContain(`# ${lesson.metadata.title}`);
  expect(markdown).toContain(`Mean Brier score: ${meanBrier.toFixed(3)}`);
  expect(markdown).toContain('_Skipped._');

  // The print view leaves out the controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Download as Markdown' })).toBeHidden();
  await expect(table).toBeVisible();
});

test('a forecast refuses a number outside 0 to 100 and keeps the saved one', async ({ page }) => {
  const section = sections.find((s) => s.items.some((i) => i.kind === 'forecast'))!;
  if (forecast?.kind !== 'forecast') throw new Error('the lesson has no forecast item');
  const study = new SelfStudyPage(page, lesson);
  await page.goto(`/study/${section.id}`);
  const statement = forecast.scenarios[0]!.statement;
  const scenario = study.scenario(study.item(forecast.question), statement);
  // Named after the scenario, each control is found on the whole page by that name alone.
  const input = forecastField(page, statement);
  const slider = forecastSlider(page, statement);
  await expect(slider).toHaveAttribute('aria-valuetext', 'not set yet');
  await expect(scenario.getByText('Not set', { exact: true })).toBeVisible();
  // Not faded out: a faded slider fell to 2.1:1 against the page, under the 3:1 a control needs.
  await expect(slider).toHaveCSS('opacity', '1');
  await input.fill('40');
  await expect(slider).toHaveAttribute('aria-valuetext', '40 percent');
  await expect(scenario.getByText('Not set', { exact: true })).toBeHidden();
  await input.fill('140');
  await expect(scenario.getByRole('alert')).toHaveText(
    'Enter a whole number from 0 to 100. Your saved forecast is 40 %.',
  );
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(input).toHaveValue('40');
  await expect(slider).toHaveValue('40');
});

test('glossary terms open their definitions, and start over asks first', async ({ page }) => {
  const term = lesson.glossary[0]!;
  const section = sections.find((s) =>
    s.paragraphs.some((p) => term.matches.some((m) => p.text.includes(m))),
  )!;
  await page.goto(`/study/${section.id}`);
  const button = page
    .getByRole('button', { name: new RegExp(`^(${term.matches.map(escapeRegExp).join('|')})$`) })
    .first();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('note').filter({ hasText: term.definition })).toBeVisible();
  await button.press('Escape');
  await expect(page.getByRole('note').filter({ hasText: term.definition })).toBeHidden();

  // Answer something, then start over from the home page.
  const prompt = section.items.find((i) => i.kind === 'prompt');
  if (prompt?.kind !== 'prompt') throw new Error('section has no prompt');
  await new SelfStudyPage(page, lesson).answer(prompt);
  await page.getByRole('link', { name: 'Article Discussion' }).click();
  await page.getByRole('button', { name: 'Start over' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start over?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep my answers' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: /^Resume at section/ })).toBeVisible();

  await page.getByRole('button', { name: 'Start over' }).click();
  await dialog.getByRole('button', { name: 'Delete my answers and start over' }).click();
  await expect(page.getByRole('link', { name: 'Start self-study' })).toBeVisible();
  await page.goto(`/study/${section.id}`);
  await expect(
    new SelfStudyPage(page, lesson).item(prompt.question).getByRole('textbox'),
  ).toHaveValue('');
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('damaged saved work keeps its good answers and the app still opens', async ({ page }) => {
  const section = sections[0]!;
  const prompt = section.items.find((i) => i.kind === 'prompt');
  const poll = section.items.find((i) => i.kind === 'poll');
  if (prompt?.kind !== 'prompt' || poll?.kind !== 'poll') throw new Error('section 1 changed');
  await page.goto('/');
  await page.evaluate(
    ({ lessonId, promptId, pollId }) => {
      localStorage.setItem(
        'article-discussion:self-study',
        JSON.stringify({
          state: {
            workByLesson: {
              [lessonId]: {
                answers: {
                  [promptId]: { kind: 'prompt', text: 'Kept after the damage.' },
                  [pollId]: { kind: 'poll' },
                },
                skippedItemIds: [],
                lastSectionId: null,
              },
            },
          },
          version: 1,
        }),
      );
    },
    { lessonId: lesson.id, promptId: prompt.id, pollId: poll.id },
  );
  await page.goto(`/study/${section.id}`);
  const study = new SelfStudyPage(page, lesson);
  await expect(study.item(prompt.question).getByRole('textbox')).toHaveValue(
    'Kept after the damage.',
  );
  await expect(study.item(poll.question).getByRole('radio').first()).not.toBeChecked();
});
