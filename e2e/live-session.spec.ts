import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';

const [firstSection, secondSection] = lesson.sections;
const poll = secondSection?.items.find((item) => item.kind === 'poll');
const prompt = secondSection?.items.find((item) => item.kind === 'prompt');

test.use({ teacherName: 'Ms Rivera' });

test('a teacher runs a teacher-paced class with three students, one of them going offline', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(120_000);
  if (!firstSection || !secondSection || poll?.kind !== 'poll' || prompt?.kind !== 'prompt') {
    throw new Error('the lesson needs a second section with a poll and a prompt');
  }
  const [yes, no] = poll.options;
  if (!yes || !no) throw new Error('the poll needs two options');

  const code = await teacher.startSession('Teacher-paced');
  await teacher.expectSection(firstSection);

  const names = ['Ada', 'Ben', 'Chen'] as const;
  const [ada, ben, chen] = await Promise.all(names.map(() => newStudent()));
  await ada!.join(code, 'Ada', 'typed');
  await ben!.join(code, 'Ben');
  await chen!.join(code, 'Chen');
  await teacher.expectStudents(names);
  for (const student of [ada!, ben!, chen!]) await student.expectSection(firstSection);

  // The class follows the teacher to the next section; no question is open there yet.
  await teacher.nextSection(secondSection);
  for (const student of [ada!, ben!, chen!]) {
    await student.expectSection(secondSection);
    await expect(student.item(poll)).toBeHidden();
  }

  // A poll: opened, answered by all three, counted, revealed.
  await teacher.openItem(poll);
  await teacher.expectAnswered(poll, 0, 3);
  await ada!.chooseOption(poll, yes.label);
  await ben!.chooseOption(poll, yes.label);
  await chen!.chooseOption(poll, no.label);
  await teacher.expectAnswered(poll, 3, 3);
  await teacher.revealResults(poll);
  for (const student of [ada!, ben!, chen!]) {
    await expect(student.resultRow(poll, yes.label)).toContainText('2');
    await expect(student.resultRow(poll, no.label)).toContainText('1');
  }
  // On a small phone the results fit the screen (the table scrolls inside its card if need be).
  await ada!.page.setViewportSize({ width: 320, height: 640 });
  await expect
    .poll(() =>
      ada!.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    )
    .toBeLessThanOrEqual(0);
  await teacher.closeItem(poll);
  await expect(ada!.item(poll).getByText('This question is closed')).toBeVisible();
  await expect(
    ada!.item(poll).getByRole('checkbox', { name: yes.label, exact: true }),
  ).toBeDisabled();

  // The section's summary, as the lesson wrote it.
  await teacher.publishSummary();
  for (const student of [ada!, ben!, chen!]) {
    const summary = student.page.getByRole('region', { name: 'Section summary' });
    await expect(summary).toContainText(secondSection.summary);
  }

  // A prompt answered offline is kept, then sent when the network is back.
  await teacher.openItem(prompt);
  await expect(chen!.item(prompt).getByRole('textbox')).toBeEditable();
  await chen!.page.context().setOffline(true);
  await chen!.writeAnswer(prompt, 'Written on the train with no signal.');
  await expect(chen!.item(prompt).getByText('Offline: will send when you reconnect')).toBeVisible();
  await teacher.expectAnswered(prompt, 0, 3);
  await chen!.page.context().setOffline(false);
  await chen!.expectSaved(prompt);
  await teacher.expectAnswered(prompt, 1, 3);

  // After a reload the answer comes back from the server.
  await chen!.page.reload();
  await expect(chen!.item(prompt).getByRole('textbox')).toHaveValue(
    'Written on the train with no signal.',
  );

  // The teacher removes a student, after confirming; that student is shown the door.
  await teacher.removeStudent('Ben');
  await expect(
    ben!.page.getByRole('heading', { name: 'You were removed from this session' }),
  ).toBeVisible();

  // Ending the session, after confirming, ends it for everyone still in it.
  await teacher.endSession();
  for (const student of [ada!, chen!]) {
    await expect(
      student.page.getByRole('heading', { name: 'The session has ended' }),
    ).toBeVisible();
  }
});

test('a student typing a code sees which lesson it opens before joining, and a wrong code is said on Join', async ({
  teacher,
  newStudent,
}) => {
  const code = await teacher.startSession('Teacher-paced');
  const { page } = await newStudent();
  await page.goto('/join');
  const codeField = page.getByLabel('Join code');
  await codeField.fill('ZZZZZZ'.slice(0, code.length));
  await page.getByLabel('Your name').fill('Ada');
  await expect(page.getByRole('status')).toBeHidden();
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toContainText(/code/i);
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');

  await codeField.fill(code.toLowerCase());
  await expect(page.getByRole('status')).toHaveText(`Session found: ${lesson.metadata.title}`);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(/\/live\/[^/]+$/);
});
