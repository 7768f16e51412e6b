import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';

/** The JavaScript a student's home and section pages may load, gzip-compressed. */
// 80 KB until 2026-12-06, when self-study's answer keys, unresolved forecasts and the
// statements kind took it to 80.1 KB: win the kilobyte back rather than raise it again.
const BUDGET_BYTES = 81 * 1024;

// Measure what the network delivers, not what a warm service worker cache replays.
test.use({ serviceWorkers: 'block' });

test('the home and section pages load under 81 KB of gzip JavaScript', async ({ page }) => {
  // Each script's gzip size, as its body arrives; all are awaited before they are added up.
  const sizes: Promise<[url: string, bytes: number]>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    sizes.push(
      response.body().then((body) => [response.url(), gzipSync(body, { level: 9 }).length]),
    );
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: lesson.metadata.title })).toBeVisible();
  await page.getByRole('link', { name: 'Start self-study' }).click();
  const first = lesson.sections[0]!;
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // By URL, so a script fetched twice counts once.
  const scripts = new Map(await Promise.all(sizes));
  expect(scripts.size).toBeGreaterThan(0);
  const total = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
  console.log(
    `JavaScript for the home and section pages: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.size} files (budget ${BUDGET_BYTES / 1024} KB)`,
  );
  expect(total).toBeLessThan(BUDGET_BYTES);
});
