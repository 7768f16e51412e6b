import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { soleimaniLesson as lesson } from '../src/domain/lessons/soleimani-lesson';
import { newActor, StudentPages, TeacherPages } from './support/live-session-pages';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

test('a wrong join code is refused with the API’s message, announced', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Join a class' }).click();
  await page.getByLabel('Join code').fill('ZZZZZZ');
  await page.getByLabel('Your name').fill('Dana');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  await expect(page.getByLabel('Join code')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page);
});

test('wrong sign-in details are refused with a message, announced', async ({ page }) => {
  await page.goto('/teach');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('E-mail').fill('nobody@example.test');
  await form.getByLabel('Password').fill('not the password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('alert')).not.toBeEmpty();
  await expectNoSeriousViolations(page);
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the teacher panel and a self-paced student view are accessible and fit', async ({
    browser,
  }) => {
    const teacherActor = await newActor(browser);
    await teacherActor.page.setViewportSize({ width: 320, height: 640 });
    const teacher = new TeacherPages(teacherActor.page, lesson);
    const runId = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    await teacher.signUp({
      name: 'Mr Okafor',
      email: `a11y-${runId}@example.test`,
      password: 'correct horse battery',
    });
    await expectNoSeriousViolations(teacherActor.page);
    const code = await teacher.startSession('Self-paced');

    const studentActor = await newActor(browser);
    await studentActor.page.setViewportSize({ width: 320, height: 640 });
    const student = new StudentPages(studentActor.page, lesson);
    await student.join(code, 'Eve');
    const [first, second] = lesson.sections;
    await student.expectSection(first!);
    await expectNoSeriousViolations(studentActor.page);
    await expectNoSidewaysScroll(studentActor.page);
    await expectNoSidewaysScroll(teacherActor.page);

    // Self-paced: the student moves on, and the teacher sees where.
    await studentActor.page.getByRole('button', { name: `Next: ${second!.title}` }).click();
    await student.expectSection(second!);
    await expect(
      teacherActor.page.getByRole('list', { name: 'Students' }).getByText('on section 2'),
    ).toBeVisible();
    await expectNoSeriousViolations(teacherActor.page);

    await teacherActor.context.close();
    await studentActor.context.close();
  });
});
