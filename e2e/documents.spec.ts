import { expect, test } from './support/fixtures';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

const DOCUMENTS = [
  { link: 'Privacy', heading: 'Privacy notice' },
  { link: 'Accessibility', heading: 'Accessibility statement' },
  { link: 'Data inventory', heading: 'Data inventory' },
] as const;

test('the privacy notice, accessibility statement and data inventory open from the footer', async ({
  page,
}) => {
  await page.goto('/');
  const footer = page.getByRole('navigation', { name: 'About this app' });
  for (const document of DOCUMENTS) {
    await footer.getByRole('link', { name: document.link }).click();
    await expect(page.getByRole('heading', { level: 1, name: document.heading })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(document.heading));
    await expectNoAxeViolations(page);
  }
  await expect(
    page.getByRole('heading', { name: /participants: one row per student/ }),
  ).toBeVisible();
});

test('the join page says what is kept, and the notice reads at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/join');
  await page.getByRole('link', { name: 'What is kept, and for how long' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who sees what' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
});

test("the privacy pages state this server's settings, not the defaults", async ({ page }) => {
  // The e2e server runs with IDLE_SESSION_HOURS=36 (playwright.config.ts) and RETENTION_DAYS unset.
  await page.goto('/privacy');
  await expect(page.getByText('ends by itself after 36 hours')).toBeVisible();
  await expect(page.getByText(/deleted 365 days after they end on this server/)).toBeVisible();
  await page.goto('/data-inventory');
  await expect(page.getByText(/36 hours on this server/)).toBeVisible();
  await expect(page.getByText(/365 days on this server/)).toBeVisible();
});
