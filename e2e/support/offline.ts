import { expect, type Page } from '@playwright/test';

/**
 * Waits until the service worker controls the page and keeps its copy of the shared lesson
 * (`/api/shared-lessons/<shareKey>`), so that the page works with the network off.
 */
export async function expectKeptForOffline(page: Page, shareKey: string) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await expect
    .poll(() =>
      page.evaluate(
        async (path) => {
          const cache = await caches.open('shared-lessons');
          return (await cache.match(path)) !== undefined;
        },
        `/api/shared-lessons/${encodeURIComponent(shareKey)}`,
      ),
    )
    .toBe(true);
}
