import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { LessonLibraryPages } from './support/lesson-library-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

/**
 * A teacher brings an article by its web address and gets a drafted lesson. The article is
 * served by a local HTTP server this spec starts on 127.0.0.1, which the app's server lets
 * through its private-address guard (ARTICLE_FETCH_ALLOW_HOSTS in playwright.config.ts).
 */

const ARTICLE_PATH = path.join(import.meta.dirname, 'fixtures', 'article-shade-trees.html');
const HEADLINE = 'Marlow will plant 20,000 trees to cool its hottest streets';

/** A paywall stub: a page with a headline and a line of text, no article. */
const PAYWALL_PAGE = `<!doctype html><html lang="en"><head><title>Subscribe to read | The Marlow Ledger</title></head>
<body><header><a href="/">The Marlow Ledger</a></header><main><h1>Council approves budget</h1>
<p>This story is for subscribers. Subscribe now to keep reading.</p>
<p><a href="/subscribe">Subscribe</a> · <a href="/login">Sign in</a></p></main></body></html>`;

let articleServer: Server;
let origin = '';

test.beforeAll(async () => {
  const article = await readFile(ARTICLE_PATH, 'utf8');
  const pages: Readonly<Record<string, string>> = {
    '/news/marlow-shade-trees': article,
    '/news/council-budget': PAYWALL_PAGE,
  };
  articleServer = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://localhost').pathname];
    response.writeHead(page === undefined ? 404 : 200, {
      'content-type': 'text/html; charset=utf-8',
    });
    response.end(page ?? 'Not found');
  });
  await new Promise<void>((resolve) => articleServer.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(articleServer.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => articleServer.close(resolve));
});

/** Presses Tab until the element with this role and name has focus: the keyboard's way there. */
async function tabTo(page: Page, role: 'link' | 'radio' | 'textbox' | 'button', name: string) {
  const target = page.getByRole(role, { name, exact: true });
  for (let presses = 0; presses < 30; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the ${role} “${name}”`);
}

/** From the library to the new-lesson form, by keyboard. */
async function openNewLessonForm(page: Page) {
  await tabTo(page, 'link', 'New lesson from an article');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'New lesson from an article' }),
  ).toBeFocused();
  return page.getByRole('form', { name: 'New lesson from an article' });
}

test('on a small phone, the form says what is missing, and a page that is no article offers paste', async ({
  teacher,
}) => {
  const { page } = teacher;
  await page.setViewportSize({ width: 320, height: 720 });
  await new LessonLibraryPages(page).open();
  const form = await openNewLessonForm(page);
  await expect(form.getByRole('radio', { name: 'Web address' })).toBeChecked();
  await expect(page.getByText('A draft is a start to edit, not a finished lesson')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // Nothing typed: said at the field.
  const address = form.getByRole('textbox', { name: 'Web address of the article' });
  await form.getByRole('button', { name: 'Draft the lesson' }).click();
  await expect(address).toBeFocused();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(/Give the article’s web address/);

  // A paywall stub is no article: said at the field, with paste offered; the address stays.
  const stub = `${origin}/news/council-budget`;
  await address.fill(stub);
  await form.getByRole('button', { name: 'Draft the lesson' }).click();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(/paste it instead/);
  await expect(address).toHaveValue(stub);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: 'Paste the text instead' }).click();
  await expect(form.getByRole('radio', { name: 'Paste text' })).toBeChecked();
  await expect(form.getByLabel('Article text')).toBeFocused();
  await expect(form.getByLabel('Link to the article')).toHaveValue(stub);
  await expect(form.getByRole('button', { name: 'Create the lesson' })).toBeVisible();
});
