import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

test('a wrong join code is refused with the API’s message, announced', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Join a class' }).click();
  await page.getByLabel('Join code').fill('ZZZZZZ');
  await page.getByLabel('Your name').fill('Dana');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  await expect(page.getByLabel('Join code')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});

test('wrong sign-in details are refused with a message, announced', async ({ page }) => {
  await page.goto('/teach');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('E-mail').fill('nobody@example.test');
  await form.getByLabel('Password').fill('not the password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('alert')).not.toBeEmpty();
  await expectNoAxeViolations(page);
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the teacher panel and a self-paced student view are accessible and fit', async ({
    teacher,
    newStudent,
  }) => {
    await teacher.page.setViewportSize({ width: 320, height: 640 });
    await expectNoAxeViolations(teacher.page);
    const code = await teacher.startSession('Self-paced');

    const student = await newStudent();
    await student.page.setViewportSize({ width: 320, height: 640 });
    await student.join(code, 'Eve');
    const [first, second] = lesson.sections;
    await student.expectSection(first!);
    await expectNoAxeViolations(student.page);
    await expectNoSidewaysScroll(student.page);
    await expectNoSidewaysScroll(teacher.page);

    // Self-paced: the student moves on, and the teacher sees where.
    await student.page.getByRole('button', { name: `Next: ${second!.title}` }).click();
    await student.expectSection(second!);
    await expect(
      teacher.page.getByRole('list', { name: 'Students' }).getByText('on section 2'),
    ).toBeVisible();
    await expectNoAxeViolations(teacher.page);
  });
});

test('each roster control’s name starts with the words it shows (WCAG 2.5.3, Label in Name)', async ({
  teacher,
  newStudent,
}) => {
  const code = await teacher.startSession('Teacher-paced');
  const eve = await newStudent();
  await eve.join(code, 'Eve');
  await teacher.expectStudents(['Eve']);

  // A voice-control user says what they see ("click Let back in"): that must match the name.
  const row = teacher.page.getByRole('list', { name: 'Students' }).getByRole('listitem');
  const controls = row.locator('button, a');
  await expect(controls).toHaveCount(4);
  for (const control of await controls.all()) {
    const shown = (await control.innerText()).trim();
    const escaped = shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(control).toHaveAccessibleName(new RegExp(`^${escaped}\\b`));
  }
  // Each still says whose row it is in, for a screen reader moving from button to button.
  await expect(row.getByRole('button', { name: 'Let back in: Eve' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Remove Eve' })).toBeVisible();
  await expect(row.getByRole('link', { name: 'Export data: Eve' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Delete data: Eve' })).toBeVisible();
});
