import { expect, test, type Page } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';

/** Chrome DevTools' "Slow 3G": 400 ms round trips, 400 kbit/s each way. */
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};
/** How long a student may wait for a page on it, from navigation to its heading. */
const PAGE_BUDGET_MS = 15_000;

// The network, not a service worker's copy from an earlier visit, delivers every page here.
test.use({ serviceWorkers: 'block', viewport: { width: 360, height: 640 } });

async function onSlow3G(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
}

async function timed(label: string, action: () => Promise<void>) {
  const start = Date.now();
  await action();
  const elapsed = Date.now() - start;
  console.log(`slow 3G: ${label} in ${(elapsed / 1000).toFixed(1)} s`);
  expect(elapsed, label).toBeLessThan(PAGE_BUDGET_MS);
}

test("the student's pages work on a slow 3G connection", async ({ page }) => {
  test.setTimeout(120_000);
  await onSlow3G(page);
  const section = lesson.sections[0]!;
  await timed('the home page', async () => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Ways in' })).toBeVisible({
      timeout: PAGE_BUDGET_MS,
    });
    await expect(page.getByRole('heading', { level: 1, name: lesson.metadata.title })).toBeVisible({
      timeout: PAGE_BUDGET_MS,
    });
  });
  await timed('a section, opened from the home page', async () => {
    await page.getByRole('link', { name: 'Start self-study' }).click();
    await expect(page.getByRole('heading', { level: 1, name: section.title })).toBeVisible({
      timeout: PAGE_BUDGET_MS,
    });
  });
  // An answer is kept on the device, whatever the network.
  const prompt = section.items.find((item) => item.kind === 'prompt');
  if (prompt?.kind !== 'prompt') throw new Error('the first section has no prompt');
  const answer = page.getByRole('region', { name: prompt.question }).getByRole('textbox');
  await answer.fill('Typed on a slow connection.');
  await timed('a section, loaded by its address', async () => {
    await page.goto(`/s/${lesson.id}/study/${section.id}`);
    await expect(answer).toHaveValue('Typed on a slow connection.', { timeout: PAGE_BUDGET_MS });
  });
  await timed('the join page', async () => {
    await page.goto('/join');
    await expect(page.getByLabel('Join code')).toBeVisible({ timeout: PAGE_BUDGET_MS });
  });
});
