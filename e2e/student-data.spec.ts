import { readFile } from 'node:fs/promises';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/page-checks';

const [firstSection] = lesson.sections;
const prompt = firstSection?.items.find((item) => item.kind === 'prompt');

test.use({ teacherName: 'Mx Lindqvist' });

test('a teacher exports a student’s data, deletes it, then deletes their own account', async ({
  teacher,
  teacherAccount,
  newStudent,
}) => {
  test.setTimeout(90_000);
  if (prompt?.kind !== 'prompt') throw new Error('the first section needs a prompt');
  const code = await teacher.startSession('Self-paced');
  const [zoe, yan] = [await newStudent(), await newStudent()];
  await zoe.join(code, 'Zoe');
  await yan.join(code, 'Yan');
  await teacher.expectStudents(['Zoe', 'Yan']);
  await zoe.writeAnswer(prompt, 'Zoe says the strike changed nothing.');
  await zoe.expectSaved(prompt);

  // The export is a file for a parent to read, with her answer and its question in it.
  const { page } = teacher;
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export data: Zoe' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('student-Zoe.md');
  const file = await readFile(await download.path(), 'utf8');
  expect(file).toContain('Zoe');
  expect(file).toContain('Zoe says the strike changed nothing.');
  expect(file).toContain(prompt.question);

  // Deleting says what it does, and afterwards focus is on what happened, not the page.
  await page.getByRole('button', { name: 'Delete data: Zoe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete everything about Zoe?' });
  await expect(dialog).toContainText('cannot be undone');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  const roster = page.getByRole('list', { name: 'Students' });
  await expect(roster.getByText('Zoe', { exact: true })).toBeHidden();
  await expect(roster.getByText('Yan', { exact: true })).toBeVisible();
  const note = page.getByText('Zoe and everything about them were deleted.');
  await expect(note).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  await expect(page.getByText('1 joined')).toBeVisible();
  // Her device is out of the session, and told that her teacher deleted her.
  await zoe.page.reload();
  await expect(zoe.item(prompt)).toBeHidden();
  await expect(
    zoe.page.getByRole('heading', { level: 1, name: 'Your teacher deleted you from this session' }),
  ).toBeVisible();
  await expect(zoe.page.getByText('one device at a time')).toBeHidden();
  await expectNoAxeViolations(page);

  // Removing says truthfully where the answers go.
  await page.getByRole('button', { name: 'Remove Yan' }).click();
  const removeDialog = page.getByRole('dialog', { name: 'Remove Yan?' });
  await expect(removeDialog).toContainText('left out of the results');
  await removeDialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('Yan was removed from the session.')).toBeFocused();

  // "Delete account" is not beside "Sign out" on every page, but in the danger zone at the end
  // of the home page.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete account' })).toHaveCount(0);
  await page.goto('/teach');
  const dangerZone = page.getByRole('region', { name: 'Danger zone' });
  // The account goes with the password, and the teacher is back at signing in.
  await dangerZone.getByRole('button', { name: 'Delete account' }).click();
  const accountDialog = page.getByRole('dialog', { name: 'Delete your account?' });
  await accountDialog.getByLabel('Your password').fill('not the password');
  await accountDialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(accountDialog.getByRole('alert')).toContainText('not your password');
  await expectNoAxeViolations(page);
  await accountDialog.getByLabel('Your password').fill(teacherAccount.password);
  await accountDialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/teach$/);
  // The button and its dialog are gone: focus lands on the notice, not on the page's body.
  await expect(page.getByText('Your account and everything in it were deleted.')).toBeFocused();
  await expect(page.getByRole('form', { name: 'Create a teacher account' })).toBeVisible();
  await expect(page.getByText('Signed in as')).toBeHidden();
  await expectNoAxeViolations(page);
});

test('a student deleted after the session ended leaves the screens left open on it', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(90_000);
  if (prompt?.kind !== 'prompt') throw new Error('the first section needs a prompt');
  const code = await teacher.startSession('Self-paced');
  const zoe = await newStudent();
  await zoe.join(code, 'Zoe');
  const said = 'Zoe thinks the strike was a gamble.';
  await zoe.writeAnswer(prompt, said);
  await zoe.expectSaved(prompt);

  // Spotlighted from the monitor: the focus stays on the button, which now removes it.
  const { page } = teacher;
  const wall = page.getByRole('region', { name: 'Response wall' });
  const card = wall.getByRole('listitem', { name: 'Response by Zoe' });
  await card.getByRole('button', { name: 'Spotlight the response by Zoe' }).click();
  await expect(card.getByText('Spotlighted', { exact: true })).toBeVisible();
  await expect(
    card.getByRole('button', { name: 'Remove spotlight from the response by Zoe' }),
  ).toBeFocused();
  const sessionPath = new URL(page.url()).pathname;
  const projector = await page.context().newPage();
  await projector.goto(`${sessionPath}/projector`);
  const spotlight = projector.getByRole('list', { name: 'Spotlighted responses' });
  await expect(spotlight).toContainText(said);

  // The session ends; then, from another tab, the teacher deletes Zoe.
  await teacher.endSession();
  const other = await page.context().newPage();
  await other.goto(sessionPath);
  await other.getByRole('button', { name: 'Delete data: Zoe' }).click();
  await other
    .getByRole('dialog', { name: 'Delete everything about Zoe?' })
    .getByRole('button', { name: 'Delete for good' })
    .click();
  await expect(other.getByText('Zoe and everything about them were deleted.')).toBeVisible();

  // The monitor and the projector left open drop her at once, as during the session.
  await expect(card).toBeHidden();
  await expect(page.getByRole('list', { name: 'Students' }).getByText('Zoe')).toBeHidden();
  await expect(spotlight).toBeHidden();
  await expect(projector.getByText(said)).toBeHidden();
});
