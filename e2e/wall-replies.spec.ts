import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { DashboardPages, StudentDashboardPages } from './support/live-session-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

const prompt = lesson.sections[0]!.items.find(
  (i): i is Extract<Item, { kind: 'prompt' }> => i.kind === 'prompt',
)!;

/** The pseudonym a student's own page says the class sees them as. */
async function pseudonymOn(wall: ReturnType<StudentDashboardPages['classWall']>) {
  const line = wall.getByText(/^Your classmates see you as /);
  await expect(line).toBeVisible();
  const pseudonym = /see you as (.+)\.$/.exec((await line.textContent()) ?? '')?.[1];
  if (!pseudonym) throw new Error('no pseudonym on the student’s wall');
  return pseudonym;
}

test('a student replies "challenges" to a classmate’s response and its author sees it, under a pseudonym', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(120_000);
  const code = await teacher.startSession('Teacher-paced');
  const [ada, ben] = [await newStudent(), await newStudent()];
  await ada.join(code, 'Ada');
  await ben.join(code, 'Ben');
  await teacher.expectStudents(['Ada', 'Ben']);
  await teacher.openItem(prompt);
  const adaText = 'The strike came when deterrence looked weakest.';
  const benText = 'It was about the election at home.';
  await ada.writeAnswer(prompt, adaText);
  await ada.expectSaved(prompt);
  await ben.writeAnswer(prompt, benText);
  await ben.expectSaved(prompt);
  await teacher.revealResults(prompt);

  const dashboard = new DashboardPages(teacher.page, lesson);
  await dashboard.setWallIdentity('Pseudonyms');
  const adaWall = new StudentDashboardPages(ada.page).classWall();
  const benWall = new StudentDashboardPages(ben.page).classWall();
  const adaPseudonym = await pseudonymOn(adaWall);
  const benPseudonym = await pseudonymOn(benWall);
  expect(adaPseudonym).not.toBe(benPseudonym);

  // Ben's wall shows Ada's response under her pseudonym, never her name; his own has no Reply.
  const adaResponse = benWall.getByRole('listitem', { name: `Response by ${adaPseudonym}` });
  await expect(adaResponse).toContainText(adaText);
  await expect(benWall).not.toContainText('Ada');
  await expect(
    benWall.getByRole('listitem', { name: 'Your response' }).getByRole('button', { name: 'Reply' }),
  ).toHaveCount(0);

  // By keyboard: open the form, pick "Challenges" with the arrow keys, write, send.
  await adaResponse.getByRole('button', { name: 'Reply' }).focus();
  await ben.page.keyboard.press('Enter');
  const form = adaResponse.getByRole('form', { name: `Reply to ${adaPseudonym}` });
  const kinds = form.getByRole('group', { name: 'Kind of reply' });
  await expect(kinds.getByRole('radio', { name: 'Builds on' })).toBeFocused();
  await ben.page.keyboard.press('ArrowRight');
  await expect(kinds.getByRole('radio', { name: 'Challenges' })).toBeChecked();
  await ben.page.keyboard.press('Tab');
  const replyBox = form.getByRole('textbox', { name: 'Your reply' });
  await expect(replyBox).toBeFocused();
  const replyText = 'Weakness invites a strike? Then why wait for 2020?';
  await ben.page.keyboard.type(replyText);
  await expect(form).toContainText(`${replyText.length} of 280 characters`);

  // The open form passes axe, and fits a 320 px phone without sideways scrolling.
  await expectNoAxeViolations(ben.page);
  await ben.page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(ben.page);

  await ben.page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Send' })).toBeFocused();
  await ben.page.keyboard.press('Enter');
  await expect(adaResponse.getByRole('status')).toHaveText('Reply sent.');
  await expect(form).toBeHidden();
  await expect(adaResponse.getByRole('button', { name: 'Reply' })).toBeFocused();
  await expect(
    adaResponse.getByRole('listitem', { name: 'Your reply' }).getByText(replyText),
  ).toBeVisible();

  // Ada's page shows it under her response, without a reload, with Ben's pseudonym only.
  const adaResponseOnHerPage = adaWall.getByRole('listitem', { name: 'Your response' });
  const replyOnAdaPage = adaResponseOnHerPage
    .getByRole('list', { name: 'Replies to your response' })
    .getByRole('listitem', { name: `Reply by ${benPseudonym}` });
  await expect(replyOnAdaPage).toContainText(replyText);
  await expect(replyOnAdaPage).toContainText('Challenges');
  await expect(adaResponseOnHerPage).toContainText('1 reply to your response');
  await expect(adaWall).not.toContainText('Ben');

  // The teacher's wall counts it and shows Ben's real name.
  await expect(dashboard.response('Ada')).toContainText('1 reply');
  const replyOnWall = dashboard.replies('Ada').getByRole('listitem', { name: 'Reply by Ben' });
  await expect(replyOnWall).toContainText(replyText);
  await expect(replyOnWall).toContainText(benPseudonym);

  // Hidden by the teacher: gone from Ada's page.
  await replyOnWall.getByRole('button', { name: 'Hide the reply by Ben' }).click();
  await expect(replyOnWall).toContainText('Hidden from the class');
  await expect(dashboard.response('Ada')).toContainText('1 reply (1 hidden)');
  await expect(replyOnAdaPage).toBeHidden();
  await expect(adaResponseOnHerPage).not.toContainText('reply to your response');
});
