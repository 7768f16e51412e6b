import type { Page } from '@playwright/test';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { LessonLibraryPages } from './support/lesson-library-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

const BUILT_IN = soleimaniLesson.metadata.title;
const COPY = `Copy of ${BUILT_IN}`;

test('a built-in lesson opens read-only; its copy is the teacher’s to publish, share, archive and delete with its session', async ({
  teacher,
}) => {
  test.setTimeout(90_000);
  const { page } = teacher;
  const library = new LessonLibraryPages(page);
  await library.open();
  await expect(
    page.getByText('You have no lessons of your own yet.', { exact: false }),
  ).toBeVisible();
  const builtIn = library.card(BUILT_IN);
  await expect(builtIn.getByText('Built in, read-only')).toBeVisible();
  await expect(builtIn.getByRole('textbox', { name: /^Self-study link/ })).toHaveValue(
    /\/s\/soleimani-2020$/,
  );
  await expectNoAxeViolations(page);

  await builtIn.getByRole('link', { name: `Open ${BUILT_IN}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: BUILT_IN })).toBeVisible();
  // Shown as a student sees it, with nothing of the lesson to edit.
  await expect(page.getByLabel('Lesson title')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Duplicate to edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: COPY })).toBeVisible();
  await expect(page.getByLabel('Lesson title')).toHaveValue(COPY);
  await expect(
    page.getByRole('heading', { name: 'No problems: the lesson can be published' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Version 1 published.')).toBeVisible();
  await expect(page.getByText('Published, version 1', { exact: true })).toBeVisible();
  // The status line follows the first change, not the next reload.
  await page.getByLabel('Subtitle').fill('Edited after publishing');
  await expect(
    page.getByText('Published, version 1, with unpublished changes', { exact: true }),
  ).toBeVisible();
  await library.expectSaved();

  // A session of the copy, started from the teacher's home.
  await page.goto('/teach');
  const start = page.getByRole('form', { name: 'Start a session' });
  await start.getByLabel('Lesson').selectOption({ label: `${COPY} (version 1)` });
  await start.getByRole('button', { name: 'Start a session' }).click();
  await expect(page).toHaveURL(/\/teach\/sessions\/[^/]+$/);

  await library.open();
  const copy = library.card(COPY);
  await expect(copy.getByText('Published, version 1')).toBeVisible();
  await expect(copy.getByText('Used by 1 session')).toBeVisible();

  await copy.getByRole('button', { name: `Share a self-study link of ${COPY}` }).click();
  const link = copy.getByRole('textbox', { name: `Self-study link to ${COPY}` });
  await expect(link).toHaveValue(/\/s\/[\w-]{16,}$/);
  await copy.getByRole('button', { name: `Stop sharing the link of ${COPY}` }).click();
  await expect(link).toBeHidden();

  await copy.getByRole('button', { name: `Archive ${COPY}` }).click();
  await expect(
    page.getByRole('region', { name: 'Archived lessons' }).getByRole('article', { name: COPY }),
  ).toBeVisible();
  await page.getByRole('button', { name: `Unarchive ${COPY}` }).click();
  await expect(
    page.getByRole('region', { name: 'My lessons' }).getByRole('article', { name: COPY }),
  ).toBeVisible();

  await copy.getByRole('button', { name: `Delete ${COPY}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete “${COPY}” and 1 session?` });
  await expect(dialog).toContainText('the 1 session that used it');
  await dialog.getByRole('button', { name: 'Delete lesson and 1 session' }).click();
  await expect(page.getByText(`“${COPY}” was deleted.`)).toBeVisible();
  await expect(copy).toBeHidden();
  await page.goto('/teach');
  await expect(page.getByText('You have not started a session yet.')).toBeVisible();
});

test('an import that is not a valid lesson lists every problem by line and field', async ({
  teacher,
}) => {
  const { page } = teacher;
  const library = new LessonLibraryPages(page);
  await library.open();
  const file = `${JSON.stringify(
    {
      format: 'article-discussion-lesson',
      schemaVersion: 2,
      id: 'broken',
      metadata: { title: '' },
      sections: [],
      glossary: [],
    },
    null,
    2,
  )}\n`;
  await page.getByLabel('Lesson file', { exact: true }).setInputFiles({
    name: 'broken.lesson.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(
    page.getByRole('heading', { name: /^The file could not be imported: \d+ problems$/ }),
  ).toBeFocused();
  const problems = page.getByRole('list').filter({ hasText: 'metadata.title' });
  await expect(problems.getByRole('listitem')).toHaveText([
    'Line 6, Lesson title (metadata.title): must not be empty',
    'Line 5, Lesson subtitle (metadata.subtitle): is missing: it should be a text',
    'Line 5, The article’s source (metadata.source): is missing: it should be a group of fields',
    'Line 8, Sections (sections): needs at least 1 entry',
  ]);
  await expectNoAxeViolations(page);
});

test('a draft being written survives a dropped network and a reload', async ({ teacher }) => {
  const { page } = teacher;
  const library = new LessonLibraryPages(page);
  await library.open();
  await library.createFromArticle({
    title: 'Offline draft',
    source: 'NASA',
    author: 'A sample text',
    date: '2022-07-12',
    permission: 'Public domain',
    text: 'First paragraph.\n\nSecond paragraph.',
  });
  await library.expectSaved();

  await page.context().setOffline(true);
  await page.getByLabel('Subtitle').fill('Written with the network off');
  await expect(
    page.getByText('Draft: Offline: kept on this device, will save when back'),
  ).toBeVisible();
  await page.context().setOffline(false);
  await library.expectSaved();

  // Typed, then the page reloaded before the save: the device's copy brings it back and saves it.
  await page.getByLabel('Title of section 1').fill('Kept across a reload');
  await page.reload();
  await expect(page.getByLabel('Title of section 1')).toHaveValue('Kept across a reload');
  await library.expectSaved();
  await page.reload();
  await expect(page.getByLabel('Title of section 1')).toHaveValue('Kept across a reload');
  await expect(page.getByLabel('Subtitle')).toHaveValue('Written with the network off');
});

/** A new lesson of two paragraphs, open in the editor and saved. */
async function newTwoParagraphLesson(page: Page, title: string): Promise<LessonLibraryPages> {
  const library = new LessonLibraryPages(page);
  await library.open();
  await library.createFromArticle({
    title,
    source: 'NASA',
    author: 'A sample text',
    date: '2022-07-12',
    permission: 'Public domain',
    text: 'First paragraph.\n\nSecond paragraph.',
  });
  await library.expectSaved();
  return library;
}

test('a draft saved in another tab meanwhile: the teacher chooses which to keep', async ({
  teacher,
}) => {
  const { page } = teacher;
  const library = await newTwoParagraphLesson(page, 'Two tabs');
  const other = await page.context().newPage();
  const otherLibrary = new LessonLibraryPages(other);
  await other.goto(page.url());
  await other.getByLabel('Subtitle').fill('From the other tab');
  await otherLibrary.expectSaved();

  await page.getByLabel('Subtitle').fill('From this tab');
  const notice = page.getByRole('alert').filter({ hasText: 'This draft was changed elsewhere' });
  await expect(
    notice.getByRole('heading', { name: 'This draft was changed elsewhere' }),
  ).toBeFocused();
  await notice.getByRole('button', { name: 'Keep mine (replace the newer draft)' }).click();
  await library.expectSaved();
  await other.reload();
  await expect(other.getByLabel('Subtitle')).toHaveValue('From this tab');

  await other.getByLabel('Subtitle').fill('The other tab again');
  await otherLibrary.expectSaved();
  await page.getByLabel('Subtitle').fill('Lost');
  await notice.getByRole('button', { name: 'Load the newer draft (drop my changes)' }).click();
  await expect(page.getByLabel('Subtitle')).toHaveValue('The other tab again');
  await library.expectSaved();
});

test('signing out deletes the drafts kept on this device, after asking when some never reached the server', async ({
  teacher,
}) => {
  const { page } = teacher;
  await newTwoParagraphLesson(page, 'Shared computer');
  const keptHere = () =>
    page.evaluate(() => localStorage.getItem('article-discussion-lesson-drafts') ?? '');

  // The server stops taking drafts: the change stays only on this device.
  await page.route('**/api/lessons/*/draft', (route) => route.abort());
  await page.getByLabel('Subtitle').fill('Typed while saving failed');
  await expect.poll(keptHere).toContain('Typed while saving failed');
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await signOut.click();
  const dialog = page.getByRole('dialog', { name: 'Sign out and lose unsaved changes?' });
  await expect(dialog).toContainText('1 lesson draft on this device has changes');
  await dialog.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(signOut).toBeFocused();
  await expect(page.getByLabel('Subtitle')).toHaveValue('Typed while saving failed');

  await signOut.click();
  await dialog.getByRole('button', { name: 'Sign out and delete them' }).click();
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  expect(await keptHere()).not.toContain('Shared computer');
});

test('items and sections move up and down by keyboard, focus staying on the moved one', async ({
  teacher,
}) => {
  const { page } = teacher;
  const library = new LessonLibraryPages(page);
  await library.open();
  await library.createFromArticle({
    title: 'Moving things',
    source: 'NASA',
    author: 'A sample text',
    date: '2022-07-12',
    permission: 'Public domain',
    text: 'First paragraph.\n\nSecond paragraph.',
  });
  await page.getByRole('checkbox', { name: 'Start a section here (paragraph 2)' }).press('Space');
  await expect(library.section(2)).toBeVisible();
  await page.getByLabel('Title of section 1').fill('One');
  await page.getByLabel('Title of section 2').fill('Two');
  await library.addItem(1, 'Add a discussion prompt', 'Item 1: Discussion');
  await library.addItem(1, 'Add a poll', 'Item 2: Poll');

  await page.getByRole('button', { name: 'Move up item 2 (Poll)' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Move down item 1 (Poll)' })).toBeFocused();
  const items = (section: number) =>
    library.section(section).getByRole('heading', { level: 4, name: /^Item / });
  await expect(items(1)).toHaveText(['Item 1: Poll', 'Item 2: Discussion']);

  await page.getByRole('button', { name: 'Move down section 1' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Move up section 2' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 3, name: 'Section 1: Two' })).toBeVisible();
  await expect(library.section(1).getByText('Second paragraph.', { exact: true })).toBeVisible();

  // Unchecking where a section starts joins it to the one before, items and all.
  await page.getByRole('checkbox', { name: 'Start a section here (paragraph 2)' }).press('Space');
  await expect(library.section(2)).toHaveCount(0);
  await expect(items(1)).toHaveText(['Item 1: Poll', 'Item 2: Discussion']);
});

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the library, the new-lesson form and the editor with every kind of item fit, and pass axe', async ({
    teacher,
  }) => {
    test.setTimeout(120_000);
    const { page } = teacher;
    const library = new LessonLibraryPages(page);
    await library.open();
    await expectNoSidewaysScroll(page);
    await library.createFromArticle({
      title: 'A narrow lesson',
      source: 'NASA',
      author: 'A sample text',
      date: '2022-07-12',
      permission: 'Public domain',
      text: 'First paragraph.\n\nSecond paragraph with a long word: supercalifragilisticexpialidocious.',
    });
    await library.startSectionAt(2);
    // Every kind of item, with its problems shown beside each field.
    await library.addItem(1, 'Add a discussion prompt', 'Item 1: Discussion');
    await library.addItem(1, 'Add a poll', 'Item 2: Poll');
    await library.addItem(1, 'Add an agree-or-disagree scale', 'Item 3: Agree or disagree');
    await library.addItem(2, 'Add a claim check', 'Item 1: Claim check');
    await library.addItem(2, 'Add a forecast', 'Item 2: Forecast');
    await page.getByRole('button', { name: 'Add a glossary term' }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(
      page.getByRole('heading', { name: /problems to fix before publishing$/ }),
    ).toBeFocused();
    await expect(page.getByLabel('Title of section 1')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Preview as a student' }).click();
    await expectNoSidewaysScroll(page);
  });
});
