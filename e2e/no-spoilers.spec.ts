import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { SelfStudyPage } from './support/self-study-page';

const allItems = lesson.sections.flatMap((s) => s.items);
const forecast = allItems.find((item) => item.kind === 'forecast');
const claimSection = lesson.sections.find((s) => s.items.some((i) => i.kind === 'claimCheck'))!;
const claimCheck = claimSection.items.find((item) => item.kind === 'claimCheck');
const pollSection = lesson.sections[1]!;
const poll = pollSection.items.find((item) => item.kind === 'poll' && item.afterAnswer);

test('the self-study review keeps outcomes, sortings and summaries until they cannot spoil', async ({
  page,
}) => {
  if (forecast?.kind !== 'forecast' || claimCheck?.kind !== 'claimCheck') {
    throw new Error('the lesson needs a forecast and a claim check');
  }
  const study = new SelfStudyPage(page, lesson);
  const prompt = claimSection.items.find((item) => item.kind === 'prompt')!;
  await page.goto(`/study/${claimSection.id}`);
  await study.answer(prompt);
  await page.getByRole('link', { name: 'Article Discussion' }).click();
  await page.getByRole('link', { name: 'Review your work' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your review' })).toBeVisible();

  const main = page.getByRole('main');
  await expect(page.getByRole('table', { name: /^Your forecasts as of/ })).toBeVisible();
  for (const scenario of forecast.scenarios) {
    await expect(main).not.toContainText(scenario.resolution!.text);
  }
  await expect(main).not.toContainText('Brier score');
  await expect(
    page.getByText(/What happened, the lesson’s reading of the article and your score show once/),
  ).toBeVisible();
  const firstClaim = claimCheck.claims[0]!;
  await expect(main).not.toContainText(firstClaim.explanation);
  await expect(main).not.toContainText(claimSection.summary);

  // Sorting every passage opens the lesson's sorting for that claim check alone.
  await page.goto(`/study/${claimSection.id}`);
  await study.answer(claimCheck);
  await page.goto('/review');
  await expect(
    page.getByRole('listitem').filter({ hasText: firstClaim.explanation }).first(),
  ).toContainText('the lesson expected');
  await expect(main).not.toContainText(forecast.scenarios[0]!.resolution!.text);
});

test('a teacher-paced poll explains its options only once the teacher reveals the results', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(90_000);
  if (poll?.kind !== 'poll' || !poll.afterAnswer) throw new Error('section 2 needs a poll note');
  const code = await teacher.startSession('Teacher-paced');
  const student = await newStudent();
  await student.join(code, 'Dana');
  await teacher.nextSection(pollSection);
  await teacher.openItem(poll);

  await student.chooseOption(poll, poll.options[0]!.label);
  await expect(student.item(poll).getByText(poll.afterAnswer)).toBeHidden();

  await teacher.revealResults(poll);
  await expect(student.item(poll).getByText(poll.afterAnswer)).toBeVisible();
});
