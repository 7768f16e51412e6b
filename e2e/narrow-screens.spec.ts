import type { Page } from '@playwright/test';
import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { DashboardPages, StudentDashboardPages } from './support/live-session-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

const forecastSectionIndex = lesson.sections.findIndex((s) =>
  s.items.some((i) => i.kind === 'forecast'),
);
const forecastSection = lesson.sections[forecastSectionIndex]!;
const forecast = forecastSection.items.find(
  (i): i is Extract<Item, { kind: 'forecast' }> => i.kind === 'forecast',
)!;

/** 320 px is a small phone, and a 1280 px screen zoomed to 400 %. */
const WIDTHS = [320, 1280] as const;

/** Every table sits in a scroll box that a keyboard can reach and a screen reader can name. */
async function expectTablesInNamedScrollBoxes(page: Page) {
  const captions = await page
    .getByRole('table')
    .evaluateAll((tables) => tables.map((t) => t.querySelector('caption')?.textContent ?? ''));
  expect(captions.length, 'the page shows tables').toBeGreaterThan(0);
  expect(captions, 'each table has a caption').not.toContain('');
  for (const name of new Set(captions)) {
    const tables = captions.filter((caption) => caption === name).length;
    const boxes = page
      .getByRole('region', { name, exact: true })
      .filter({ has: page.getByRole('table', { name, exact: true }) });
    await expect(boxes).toHaveCount(tables);
    expect(await boxes.evaluateAll((found) => found.map((box) => box.tabIndex))).toEqual(
      Array.from({ length: tables }, () => 0),
    );
  }
}

/**
 * At each width: the page fits the screen (nothing to scroll sideways to) and axe finds nothing
 * serious; in the dark theme too (the charts' colours among them).
 */
async function expectFitsEveryWidth(page: Page) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 720 });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('with revealed forecasts, the student’s page, the monitor, the teacher’s home and the report fit 320 px and name their tables', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(180_000);
  const dashboard = new DashboardPages(teacher.page, lesson);
  const code = await teacher.startSession('Teacher-paced');
  const student = await newStudent();
  await student.join(code, 'Eve');

  for (const section of lesson.sections.slice(1, forecastSectionIndex + 1)) {
    await teacher.nextSection(section);
  }
  await student.expectSection(forecastSection);
  await teacher.openItem(forecast);
  const view = new StudentDashboardPages(student.page);
  for (const [i, scenario] of forecast.scenarios.entries()) {
    await view.setForecast(forecast, scenario.statement, (i * 30 + 10) % 101);
  }
  await student.expectSaved(forecast);
  await teacher.revealResults(forecast);
  await dashboard.revealOutcomes(forecast);
  await expect(student.item(forecast).getByRole('table', { name: /^What happened/ })).toBeVisible();
  await expect(student.item(forecast).getByRole('table', { name: /^Class results/ })).toBeVisible();

  await expectFitsEveryWidth(student.page);
  await expectTablesInNamedScrollBoxes(student.page);

  await expect(teacher.item(forecast).getByRole('table', { name: /^Calibration/ })).toBeVisible();
  await expectFitsEveryWidth(teacher.page);
  await expectTablesInNamedScrollBoxes(teacher.page);

  await teacher.page.getByRole('link', { name: 'Your sessions' }).click();
  await expect(teacher.page.getByRole('table', { name: /^Open sessions/ })).toBeVisible();
  await expectFitsEveryWidth(teacher.page);
  await expectTablesInNamedScrollBoxes(teacher.page);

  await teacher.page.getByRole('link', { name: `Report session ${code}` }).click();
  await expect(teacher.page.getByRole('table', { name: /^Calibration/ })).toBeVisible();
  await expectFitsEveryWidth(teacher.page);
  await expectTablesInNamedScrollBoxes(teacher.page);
});
