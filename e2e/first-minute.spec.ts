import type { Locator, Page } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expectKeptForOffline } from './support/offline';
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/page-checks';

const firstSection = lesson.sections[0]!;

/** The pages anyone reaches without an account, each with the heading that says it is there. */
const SIGNED_OUT_PAGES: readonly { path: string; heading: string | RegExp }[] = [
  { path: '/', heading: lesson.metadata.title },
  { path: `/study/${firstSection.id}`, heading: firstSection.title },
  { path: '/review', heading: 'Your review' },
  { path: '/join', heading: /join/i },
  { path: '/teach', heading: /teach|sign in/i },
  { path: '/teach/forgot-password', heading: 'Forgot your password?' },
  { path: '/privacy', heading: /privacy/i },
  { path: '/accessibility', heading: /accessibility/i },
  { path: '/data-inventory', heading: /data/i },
];

/** How opaque an element is drawn: its own opacity times its ancestors'. */
function shownOpacity(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    let opacity = 1;
    for (let e: Element | null = element; e; e = e.parentElement) {
      opacity *= Number(getComputedStyle(e).opacity);
    }
    return opacity;
  });
}

async function openPage(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 640 } });

  test('the home page shows the three ways in on its first screen', async ({ page }) => {
    await page.goto('/');
    const waysIn = page.getByRole('navigation', { name: 'Ways in' });
    for (const name of ['Study on your own', 'Join your class', 'Teach with it']) {
      await expect(waysIn.getByRole('link', { name })).toBeInViewport();
    }
    await waysIn.getByRole('link', { name: 'Study on your own' }).click();
    await expect(page.getByRole('link', { name: 'Start self-study' })).toBeInViewport();

    await page.goto('/');
    await waysIn.getByRole('link', { name: 'Join your class' }).click();
    await expect(page.getByLabel('Join code')).toBeVisible();
    await page.goto('/');
    await waysIn.getByRole('link', { name: 'Teach with it' }).click();
    await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the ${colorScheme} theme follows the system and axe finds no contrast problem`, async ({
    page,
  }) => {
    // Axe on nine pages: about a minute on two busy cores.
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    for (const { path, heading } of SIGNED_OUT_PAGES) {
      await openPage(page, path, heading);
      // The theme is the system's: a dark page under a dark setting, a light one otherwise.
      const background = await page.evaluate(() => {
        const [r = 0, g = 0, b = 0] = getComputedStyle(document.documentElement)
          .backgroundColor.match(/\d+/g)!
          .map(Number);
        return (r + g + b) / 3;
      });
      if (colorScheme === 'dark') expect(background, path).toBeLessThan(60);
      else expect(background, path).toBeGreaterThan(200);
      await expectNoAxeViolations(page);
    }
    // A section with a glossary definition open and a chosen option, whose colours are their own.
    await openPage(page, `/study/${firstSection.id}`, firstSection.title);
    const terms = page.getByRole('article', { name: 'Article text' }).getByRole('button');
    if ((await terms.count()) > 0) await terms.first().click();
    const option = page.getByRole('radio').first();
    if ((await option.count()) > 0) await option.check();
    await expectNoAxeViolations(page);
  });
}

test('the signed-out pages log no error in the browser console', async ({ page }) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  // A refused script or style (the Content Security Policy) is reported as an issue, even when
  // the page catches it, and is not always in the console: count those too.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP refused ${event.violatedDirective} from ${event.sourceFile}`);
    });
  });
  for (const { path, heading } of SIGNED_OUT_PAGES) {
    await openPage(page, path, heading);
    await page.waitForLoadState('networkidle');
  }
  expect(problems).toEqual([]);
});

test('a student sees when the lesson is ready to use offline', async ({ page }) => {
  await page.goto('/');
  const status = page.getByRole('status').filter({ hasText: 'Ready offline' });
  await expect(status).toBeVisible({ timeout: 30_000 });
  // It says so only once the service worker really holds the app and the lesson.
  await expectKeptForOffline(page, lesson.id);
});

test('the classroom screen shows nothing meant for the teacher alone', async ({
  teacher,
  teacherAccount,
}) => {
  await teacher.startSession('Teacher-paced');
  await teacher.page.goto(`${teacher.page.url()}/projector`);
  const projector = teacher.page;
  await expect(
    projector.getByRole('heading', { level: 1, name: lesson.metadata.title }),
  ).toBeVisible();
  await expect(projector.getByText(teacherAccount.email)).toHaveCount(0);
  await expect(projector.getByText(teacherAccount.name)).toHaveCount(0);
  // The teacher's way back and "Sign out" are there for the teacher's keyboard or pointer only.
  const back = projector.getByRole('link', { name: 'Back to the monitor' });
  const signOut = projector.getByRole('button', { name: 'Sign out' });
  expect(await shownOpacity(back)).toBe(0);
  expect(await shownOpacity(signOut)).toBe(0);
  await back.focus();
  expect(await shownOpacity(back)).toBe(1);
  await signOut.focus();
  expect(await shownOpacity(signOut)).toBe(1);
  expect(await shownOpacity(back)).toBe(0);
  // The classroom screen and the monitor in the dark theme too.
  await projector.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(projector);
  await projector.goBack();
  await expect(projector.getByRole('img', { name: /^QR code to join session / })).toBeVisible();
  await expectNoAxeViolations(projector);
});
