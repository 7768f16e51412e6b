import { expect, test } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { forecastField, forecastSlider } from './support/forecast-inputs';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

const forecastSection = lesson.sections.find((s) => s.items.some((i) => i.kind === 'forecast'))!;
const claimSection = lesson.sections.find((s) => s.items.some((i) => i.kind === 'claimCheck'))!;

test('home, section and review pages have no serious or critical axe violations', async ({
  page,
}) => {
  // Six axe runs, the review's on the whole lesson: about 45 s alone on two busy cores.
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  for (const section of [lesson.sections[0]!, claimSection, forecastSection]) {
    await page.goto(`/study/${section.id}`);
    await expect(page.getByRole('heading', { level: 1, name: section.title })).toBeVisible();
    // With a glossary definition open, too, where the section has a term.
    const terms = page.getByRole('article', { name: 'Article text' }).getByRole('button');
    if ((await terms.count()) > 0) await terms.first().click();
    await expectNoAxeViolations(page);
  }

  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Your review' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('dialog', { name: 'Start over?' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the section view fits the screen and works', async ({ page }) => {
    const section = forecastSection;
    await page.goto(`/study/${section.id}`);
    await expect(page.getByRole('heading', { level: 1, name: section.title })).toBeVisible();
    await expectNoSidewaysScroll(page);

    const forecast = section.items.find((i) => i.kind === 'forecast');
    if (forecast?.kind !== 'forecast') throw new Error('no forecast');
    const statement = forecast.scenarios[0]!.statement;
    await forecastField(page, statement).fill('35');
    await expect(forecastSlider(page, statement)).toHaveValue('35');

    await page.getByText('All sections').click();
    const toc = page.getByRole('navigation', { name: 'All sections' });
    await expect(
      toc.getByRole('link', { name: `${lesson.sections.indexOf(section) + 1}. ${section.title}` }),
    ).toHaveAttribute('aria-current', 'page');
    await toc.getByRole('link', { name: `1. ${lesson.sections[0]!.title}` }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: lesson.sections[0]!.title }),
    ).toBeFocused();
  });

  test('keyboard alone moves between sections', async ({ page }) => {
    const [first, second] = lesson.sections;
    await page.goto(`/study/${first!.id}`);
    const next = page.getByRole('link', { name: `Next: ${second!.title}` });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: second!.title })).toBeFocused();
  });
});
