import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { teacherApi } from './support/teacher-api';

/** Opens a copy of the built-in lesson (long: four sections of items) in the teacher's editor. */
async function openLongLesson(page: Page, id: string) {
  await page.goto('/teach');
  const created = (await teacherApi(page, 'POST', '/api/lessons', {
    draft: { ...soleimaniLesson, id },
  })) as { summary: { lessonId: string } };
  await page.goto(`/teach/lessons/${created.summary.lessonId}`);
  await expect(
    page.getByRole('heading', { level: 1, name: soleimaniLesson.metadata.title }),
  ).toBeVisible();
}

test.describe('at 1280 px wide', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('tabbing backwards, no focused control is hidden under the sticky toolbar (WCAG 2.4.11)', async ({
    teacher,
  }) => {
    const { page } = teacher;
    await openLongLesson(page, 'focus-not-obscured');
    // From the last control of the page, backwards, as a keyboard user checking their work.
    const controls = page.locator('main').getByRole('button');
    await controls.last().focus();
    const stops = 60;
    const hidden: string[] = [];
    for (let stop = 0; stop < stops; stop += 1) {
      await page.keyboard.press('Shift+Tab');
      const overlap = await page.evaluate(() => {
        const focused = document.activeElement;
        // The toolbar is whatever stays stuck to the top of the screen above the editor.
        let toolbar: Element | null =
          [...document.querySelectorAll('button')].find(
            (b) => b.textContent === 'Preview as a student',
          ) ?? null;
        while (toolbar && getComputedStyle(toolbar).position !== 'sticky') {
          toolbar = toolbar.parentElement;
        }
        if (!focused || !toolbar || toolbar.contains(focused)) return null;
        const bar = toolbar.getBoundingClientRect();
        const box = focused.getBoundingClientRect();
        const covered = box.top < bar.bottom && box.bottom > bar.top;
        return covered
          ? `${focused.tagName} “${focused.getAttribute('aria-label') ?? focused.textContent}” (top ${Math.round(box.top)} under the toolbar's bottom ${Math.round(bar.bottom)})`
          : null;
      });
      if (overlap) hidden.push(overlap);
    }
    expect(hidden).toEqual([]);
  });
});

test('a draft the server refuses to save is announced, as an alert', async ({ teacher }) => {
  const { page } = teacher;
  await openLongLesson(page, 'save-refused');
  await page.route('**/api/lessons/*/draft', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'internal', message: 'The server failed.' } }),
    }),
  );
  await page.getByLabel('Title of section 1').fill('A title the server will not take');
  // A screen reader hears it without going to look: the message shown is an alert.
  await expect(page.getByText('Not saved: The server failed.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('Draft: Not saved: The server failed.');
});
