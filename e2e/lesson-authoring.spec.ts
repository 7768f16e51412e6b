import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import { importLessonFile } from '#domain/lesson/lesson-file';
import { readingLevel } from '#domain/lesson/reading-level';
import { newAccount } from './support/account-pages';
import { expect, test } from './support/fixtures';
import { StudentPages, TeacherPages } from './support/live-session-pages';
import { LessonLibraryPages } from './support/lesson-library-pages';

const ARTICLE_PATH = path.join(import.meta.dirname, 'fixtures', 'webb-first-images.txt');
const TITLE = 'Webb’s first images';
const LAUNCH =
  'Webb launched on December 25, 2021, on an Ariane 5 rocket from French Guiana, and now orbits the Sun about a million miles from Earth.';

test('a teacher writes a lesson from a pasted article, publishes it, runs it live with two students, exports it, and another teacher imports the same lesson', async ({
  teacher,
  newDevice,
}) => {
  // Under a minute alone here; two busy cores running the rest of the suite beside it can
  // take it past 90 s.
  test.setTimeout(150_000);
  const { page } = teacher;
  const library = new LessonLibraryPages(page);
  const article = await readFile(ARTICLE_PATH, 'utf8');

  await library.open();
  await library.createFromArticle({
    title: TITLE,
    subtitle: 'What a new telescope’s first pictures show',
    source: 'NASA',
    author: 'NASA news release (sample text written for the test)',
    date: '2022-07-12',
    permission: 'Public domain',
    text: article,
  });

  // Three sections: paragraphs 1–2, 3–5 and 6–7.
  await library.startSectionAt(3);
  await library.startSectionAt(6);
  await expect(library.section(3)).toBeVisible();
  // The subtitle publishing needs was asked for with the article, and is in the editor.
  await expect(page.getByLabel('Subtitle')).toHaveValue(
    'What a new telescope’s first pictures show',
  );
  await library.fillSection(1, {
    title: 'The first images',
    summary: 'Webb’s first images show galaxies as they were billions of years ago.',
  });
  await library.fillSection(2, {
    title: 'How Webb got there',
    summary: 'Webb launched in 2021 and is run by three space agencies.',
  });
  await library.fillSection(3, {
    title: 'What comes next',
    summary: 'Webb will study the whole history of the universe.',
  });

  const prompt = await library.addItem(1, 'Add a discussion prompt', 'Item 1: Discussion');
  await prompt
    .getByLabel('Question', { exact: true })
    .fill('What does Webb’s First Deep Field show?');
  await prompt.getByLabel('Hint (optional)').fill('Look at the third paragraph.');

  const poll = await library.addItem(1, 'Add a poll', 'Item 2: Poll');
  await poll
    .getByLabel('Question', { exact: true })
    .fill('How old is the light in the deep field?');
  await poll.getByLabel('Option 1').fill('4.6 billion years');
  await poll.getByLabel('Option 2').fill('4,600 years');
  await poll
    .getByLabel('Explanation shown after answering (optional)')
    .fill('The cluster is seen as it was 4.6 billion years ago.');
  await poll.getByRole('checkbox', { name: /^Extension item/ }).check();

  const scale = await library.addItem(
    2,
    'Add an agree-or-disagree scale',
    'Item 1: Agree or disagree',
  );
  await scale
    .getByLabel('Statement to agree or disagree with')
    .fill('Space telescopes are worth what they cost.');

  const claims = await library.addItem(2, 'Add a claim check', 'Item 2: Claim check');
  await claims
    .getByLabel('Instructions')
    .fill('Is this sentence a fact, an opinion, a prediction or analysis?');
  const quote = claims.getByLabel('Quote 1, word for word from the article');
  // A quote the article does not hold is named beside its field once the teacher moves on.
  await quote.fill('Webb launched on Christmas Day');
  await quote.press('Tab');
  await expect(quote).toHaveAttribute('aria-invalid', 'true');
  await expect(quote).toHaveAccessibleDescription(/is not in the article: quote its words exactly/);
  await claims.getByLabel('Pick a sentence for quote 1').selectOption(LAUNCH);
  await expect(quote).toHaveValue(LAUNCH);
  await expect(quote).not.toHaveAttribute('aria-invalid', 'true');
  await claims.getByLabel('What claim 1 is').selectOption('Fact');
  await claims.getByLabel('Why, for claim 1').fill('The launch date can be checked.');

  const forecast = await library.addItem(3, 'Add a forecast', 'Item 1: Forecast');
  await forecast
    .getByLabel('Question', { exact: true })
    .fill('Will Webb find carbon dioxide on a planet beyond the Sun by 2023?');
  await forecast.getByLabel('As of (the date the student imagines)').fill('2022-07-12');
  await forecast.getByLabel('Horizon (by when it happens or not)').fill('2023-12-31');
  await forecast
    .getByLabel('Scenario 1: what might happen')
    .fill('Webb detects carbon dioxide in an exoplanet’s atmosphere.');
  await forecast.getByRole('radio', { name: 'Happened' }).check();
  await forecast.getByLabel('Date it was settled').fill('2022-08-25');
  await forecast
    .getByLabel('What happened, in one sentence')
    .fill('NASA reported carbon dioxide on WASP-39 b.');

  await page.getByRole('button', { name: 'Add a glossary term' }).click();
  await page.getByLabel('Term 1, as it appears in the article').fill('galaxy cluster');
  await page
    .getByLabel('Definition of term 1')
    .fill('A group of galaxies held together by gravity.');

  await expect(
    page.getByRole('heading', { name: 'No problems: the lesson can be published' }),
  ).toBeVisible();
  // The minutes and the grade level, computed from what was written: the article, a prompt, a
  // poll (extension), a scale, a claim and a forecast of one scenario.
  const { classroom, selfStudy } = lessonDuration({
    sections: [
      {
        paragraphs: [{ text: article }],
        items: [
          { kind: 'prompt' },
          { kind: 'poll', extension: true },
          { kind: 'scale' },
          { kind: 'claimCheck', claims: [{}] },
          { kind: 'forecast', scenarios: [{}] },
        ],
      },
    ],
  });
  await expect(
    page.getByText(`In class${classroom.core}–${classroom.withExtensions} min`),
  ).toBeVisible();
  await expect(
    page.getByText(`Alone${selfStudy.core}–${selfStudy.withExtensions} min`),
  ).toBeVisible();
  const level = readingLevel(article);
  await expect(page.getByText(`Reading levelGrade ${level.grade.toFixed(1)}`)).toBeVisible();
  await library.expectSaved();

  await page.getByRole('button', { name: 'Preview as a student' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Preview as a student' })).toBeFocused();
  const preview = page.getByRole('region', { name: 'Preview as a student' });
  await expect(preview.getByRole('heading', { name: 'What comes next' })).toBeVisible();
  await expect(preview.getByRole('button', { name: 'galaxy cluster' })).toBeVisible();
  await preview.getByRole('radio', { name: '4.6 billion years' }).check();
  await expect(
    preview.getByText('The cluster is seen as it was 4.6 billion years ago.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Back to editing' }).click();

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Version 1 published.')).toBeVisible();

  // Export from the library.
  await library.open();
  const card = library.card(TITLE);
  await expect(card.getByText('Published, version 1')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('link', { name: `Export file ${TITLE}` }).click(),
  ]);
  const file = await readFile(await download.path(), 'utf8');
  const exported = importLessonFile(file);
  if (!exported.ok)
    throw new Error(`the exported file does not import: ${JSON.stringify(exported.problems)}`);
  expect(exported.lesson.sections.map((s) => s.title)).toEqual([
    'The first images',
    'How Webb got there',
    'What comes next',
  ]);
  expect(exported.lesson.sections.flatMap((s) => s.items.map((i) => i.kind))).toEqual([
    'prompt',
    'poll',
    'scale',
    'claimCheck',
    'forecast',
  ]);

  // A live session of the published lesson: two students answer.
  const webb = exported.lesson;
  const live = new TeacherPages(page, webb);
  await page.goto('/teach');
  await page
    .getByRole('form', { name: 'Start a session' })
    .getByLabel('Lesson')
    .selectOption({ label: `${TITLE} (version 1)` });
  const code = await live.startSession('Teacher-paced');
  const ana = new StudentPages(await newDevice(), webb);
  const ben = new StudentPages(await newDevice(), webb);
  await ana.join(code, 'Ana');
  await ben.join(code, 'Ben');
  await live.expectStudents(['Ana', 'Ben']);
  const pollItem = webb.sections[0]!.items[1]!;
  await live.openItem(pollItem);
  await ana.chooseOption(pollItem, '4.6 billion years');
  await ben.chooseOption(pollItem, '4,600 years');
  await live.expectAnswered(pollItem, 2, 2);

  // The teacher edits the lesson during the session and publishes version 2: the class keeps
  // the version its session pinned, on a reload too.
  const sessionAddress = page.url();
  await library.open();
  await library
    .card(TITLE)
    .getByRole('link', { name: `Edit ${TITLE}` })
    .click();
  await page.getByLabel('Title of section 1').fill('The first pictures, revised');
  await library.expectSaved();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Version 2 published.')).toBeVisible();
  await ana.page.reload();
  await ana.expectSection(webb.sections[0]!);
  await page.goto(sessionAddress);
  await live.expectSection(webb.sections[0]!);

  // A second teacher, on another install's account, imports the file and gets the same lesson.
  const otherPage = await newDevice();
  const other = new LessonLibraryPages(otherPage);
  await otherPage.goto('/teach');
  const account = newAccount('Ms Rivera');
  const signUp = otherPage.getByRole('form', { name: 'Create a teacher account' });
  await signUp.getByLabel('Your name').fill(account.name);
  await signUp.getByLabel('E-mail').fill(account.email);
  await signUp.getByLabel('Password').fill(account.password);
  await signUp.getByRole('button', { name: 'Sign up' }).click();
  await expect(otherPage.getByText(`Signed in as ${account.name}`)).toBeVisible();
  await other.open();
  await otherPage.getByLabel('Lesson file', { exact: true }).setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  await otherPage.getByRole('button', { name: 'Import' }).click();
  await expect(otherPage.getByRole('heading', { name: `Imported “${TITLE}”` })).toBeFocused();
  const imported = other.card(TITLE);
  await expect(imported.getByText('Published, version 1')).toBeVisible();
  const [again] = await Promise.all([
    otherPage.waitForEvent('download'),
    imported.getByRole('link', { name: `Export file ${TITLE}` }).click(),
  ]);
  expect(await readFile(await again.path(), 'utf8')).toBe(file);
  await otherPage.getByRole('link', { name: `Open “${TITLE}”` }).click();
  await expect(otherPage.getByLabel('Title of section 3')).toHaveValue('What comes next');
});
