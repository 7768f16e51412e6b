import type { Page } from '@playwright/test';
import { getItemQuestion } from '#domain/lesson/item-question';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/page-checks';

const [firstSection, secondSection] = lesson.sections;
const poll = secondSection?.items.find((item) => item.kind === 'poll');

interface AnnouncementLog {
  said?: string[];
}

/**
 * Records every change of the page's announcer region, as a screen reader would hear it: each
 * node added, and each change of a text already there.
 */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await expect(page.getByRole('log', { name: 'Announcements' })).toBeAttached();
  await page.evaluate(() => {
    const region = document.querySelector('[role="log"][aria-label="Announcements"]');
    if (!region) throw new Error('no announcer region');
    const said: string[] = [];
    (window as AnnouncementLog).said = said;
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') said.push(record.target.textContent ?? '');
        for (const node of record.addedNodes) said.push(node.textContent ?? '');
      }
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => [...((window as AnnouncementLog).said ?? [])]);
}

/** The focused element, described for a failure message; fails when focus fell to the body. */
async function expectFocusNotOnBody(page: Page, after: string) {
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    return `${active.tagName.toLowerCase()}: ${active.textContent}`;
  });
  expect(focused, `focus fell to the page's body after ${after}`).not.toBeNull();
  return focused ?? '';
}

test('a screen reader user hears each change the teacher makes, once, and no one loses focus', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(120_000);
  if (!firstSection || !secondSection || poll?.kind !== 'poll') {
    throw new Error('the lesson needs a second section with a poll');
  }
  const [yes] = poll.options;
  if (!yes) throw new Error('the poll needs an option');
  const question = getItemQuestion(poll);
  const sectionLine = `Section 2 of ${lesson.sections.length}: ${secondSection.title}`;

  const code = await teacher.startSession('Teacher-paced');
  const student = await newStudent();
  await student.join(code, 'Noor');
  await student.expectSection(firstSection);
  const said = await recordAnnouncements(student.page);
  const expectSaid = async (text: string) => {
    await expect.poll(said).toContain(text);
  };

  // The class moves on: the section is said with its title, and focus starts at its heading.
  await teacher.nextSection(secondSection);
  await expectSaid(sectionLine);
  await expect(
    student.page.getByRole('heading', { level: 1, name: secondSection.title }),
  ).toBeFocused();

  await teacher.openItem(poll);
  await expectSaid(`Question opened: ${question}`);
  await student.chooseOption(poll, yes.label);
  await expectSaid('Saved');

  // Reveal removes its own button: focus goes to the line that says results are revealed.
  await teacher.revealResults(poll);
  expect(await expectFocusNotOnBody(teacher.page, 'Reveal results')).toContain('Results revealed');
  await expectSaid(`Results revealed: ${question}`);

  await teacher.publishSummary();
  expect(await expectFocusNotOnBody(teacher.page, 'Publish summary')).toBeTruthy();
  await expectSaid(`Summary published for “${secondSection.title}”.`);
  await expectNoAxeViolations(student.page);
  await expectNoAxeViolations(teacher.page);

  // Withdraw removes its own button too.
  await teacher.page.getByRole('button', { name: 'Withdraw summary' }).click();
  await expect(teacher.page.getByText('Not published yet.')).toBeVisible();
  expect(await expectFocusNotOnBody(teacher.page, 'Withdraw summary')).toContain(
    'Not published yet.',
  );
  await expectSaid(`Summary withdrawn for “${secondSection.title}”.`);

  await teacher.endSession();
  expect(await expectFocusNotOnBody(teacher.page, 'End session')).toContain(
    'The session has ended.',
  );
  await expectSaid('The session has ended. Your answers were saved.');
  await expect(student.page.getByRole('heading', { name: 'The session has ended' })).toBeVisible();
  await expectNoAxeViolations(student.page);
  await expectNoAxeViolations(teacher.page);

  // Each change was said exactly once, in order, whatever refetches followed it.
  const heard = await said();
  const teacherChanges = [
    sectionLine,
    `Question opened: ${question}`,
    `Results revealed: ${question}`,
    `Summary published for “${secondSection.title}”.`,
    `Summary withdrawn for “${secondSection.title}”.`,
    'The session has ended. Your answers were saved.',
  ];
  for (const change of teacherChanges) {
    expect(
      heard.filter((text) => text === change),
      `"${change}" in ${JSON.stringify(heard)}`,
    ).toHaveLength(1);
  }
  expect(heard.filter((text) => teacherChanges.includes(text))).toEqual(teacherChanges);
});

test('the student hears the connection drop and come back', async ({ teacher, newStudent }) => {
  const code = await teacher.startSession('Teacher-paced');
  const student = await newStudent();
  await student.join(code, 'Omar');
  const status = student.page.getByRole('status').filter({ hasText: /your class|reconnecting/ });
  await expect(status).toHaveText('Connected to your class.');
  await student.page.context().setOffline(true);
  await expect(status).toHaveText(/^Connection lost: reconnecting…/);
  await student.page.context().setOffline(false);
  await expect(status).toHaveText('Connected to your class.');
});

test('the save status is said once typing pauses for good, not at every short pause', async ({
  teacher,
  newStudent,
}) => {
  const prompt = secondSection?.items.find((item) => item.kind === 'prompt');
  if (!secondSection || !prompt) throw new Error('the lesson needs a second section with a prompt');
  const code = await teacher.startSession('Teacher-paced');
  const student = await newStudent();
  await student.join(code, 'Lena');
  const said = await recordAnnouncements(student.page);
  await teacher.nextSection(secondSection);
  await expectFocusNotOnBody(teacher.page, 'Next section');
  await teacher.openItem(prompt);
  await expectFocusNotOnBody(teacher.page, 'Open');

  // Each key comes after a pause long enough to send the answer: it is saved at every pause.
  await student.item(prompt).getByRole('textbox').pressSequentially('Maybe', { delay: 800 });
  await teacher.expectAnswered(prompt, 1, 1);
  await expect.poll(said).toContain('Saved');
  expect((await said()).filter((text) => text === 'Saved')).toHaveLength(1);
});
