import type { Page } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { StudentPages } from './support/live-session-pages';

const [firstSection] = lesson.sections;
const poll = firstSection?.items.find((item) => item.kind === 'poll');
const prompt = firstSection?.items.find((item) => item.kind === 'prompt');

/** The student's rejoin code, as their live page shows it. */
async function readRejoinCode(page: Page): Promise<string> {
  const line = page.getByText(/^Your rejoin code:/);
  await expect(line).toBeVisible();
  const code = /Your rejoin code:\s*([A-Z0-9]{6})/.exec((await line.textContent()) ?? '')?.[1];
  if (!code) throw new Error('no rejoin code on the live page');
  return code;
}

test('a student whose device died rejoins on another with every answer; the roster shows presence', async ({
  teacher,
  newStudent,
  newDevice,
}) => {
  test.setTimeout(90_000);
  if (!firstSection || poll?.kind !== 'poll' || prompt?.kind !== 'prompt') {
    throw new Error('the lesson needs a first section with a poll and a prompt');
  }
  const [option] = poll.options;
  if (!option) throw new Error('the poll needs an option');

  const code = await teacher.startSession('Self-paced');
  const roster = teacher.page.getByRole('list', { name: 'Students' });
  const rileyRow = roster.getByRole('listitem').filter({ hasText: 'Riley' });

  // Riley joins on a phone and answers two questions.
  const phone = await newStudent();
  await phone.join(code, 'Riley');
  const rejoinCode = await readRejoinCode(phone.page);
  await phone.chooseOption(poll, option.label);
  await phone.writeAnswer(prompt, 'My phone is about to die.');
  await phone.expectSaved(prompt);
  await expect(rileyRow.getByText('online', { exact: true })).toBeVisible();

  // The phone dies: within a few seconds the roster shows Riley offline.
  await phone.page.context().close();
  await expect(rileyRow.getByText('offline', { exact: true })).toBeVisible({ timeout: 5000 });

  // On a laptop, the same name is offered the way back instead of a second Riley.
  const laptop = await newDevice();
  await laptop.goto(`/join?code=${code}`);
  await laptop.getByLabel('Your name').fill('Riley');
  await laptop.getByRole('button', { name: 'Join' }).click();
  await expect(laptop.getByRole('alert')).toContainText('“Riley” has already joined');
  await expect(
    laptop.getByRole('button', { name: 'I’m someone else: join as another Riley' }),
  ).toBeVisible();
  await laptop.getByRole('button', { name: 'That’s me: enter my rejoin code' }).click();
  const rejoinField = laptop.getByLabel('Your rejoin code');
  await expect(rejoinField).toBeFocused();

  // A wrong code is refused with a clear message; the right one lets Riley back in.
  await rejoinField.fill(rejoinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
  await laptop.getByRole('button', { name: 'Rejoin', exact: true }).click();
  await expect(laptop.getByRole('alert')).toContainText('That rejoin code is not Riley’s');
  await expect(rejoinField).toHaveAttribute('aria-invalid', 'true');
  await rejoinField.fill(rejoinCode.toLowerCase());
  await laptop.getByRole('button', { name: 'Rejoin', exact: true }).click();

  await expect(laptop).toHaveURL(/\/live\/[^/]+$/);
  await expect(laptop.getByText('You are Riley')).toBeVisible();
  // The code worked once: the page shows Riley's new one.
  const newRejoinCode = await readRejoinCode(laptop);
  expect(newRejoinCode).not.toBe(rejoinCode);
  const student = new StudentPages(laptop, lesson);
  await expect(student.item(prompt).getByRole('textbox')).toHaveValue('My phone is about to die.');
  await expect(student.item(poll).getByRole('radio', { name: option.label })).toBeChecked();

  // The teacher sees one Riley, online again, and can read the new code to let Riley back in.
  await teacher.expectStudents(['Riley']);
  await expect(rileyRow.getByText('online', { exact: true })).toBeVisible({ timeout: 5000 });
  await rileyRow.getByRole('button', { name: 'Let back in: Riley' }).click();
  await expect(rileyRow).toContainText(`Riley’s rejoin code: ${newRejoinCode}`);
});
