import { expect, test } from '@playwright/test';

// A first visit, as Lighthouse and a new student see it: no service worker answering for the page.
test.use({ serviceWorkers: 'block' });

const AREA_PAGES = [
  { path: '/teach', heading: 'For teachers' },
  { path: '/join', heading: 'Join a class' },
] as const;

for (const { path, heading } of AREA_PAGES) {
  test(`the page at ${path} names in its HTML every script it loads, so they download at once`, async ({
    page,
    request,
  }) => {
    const scripts = new Set<string>();
    page.on('request', (sent) => {
      if (sent.resourceType() === 'script') scripts.add(new URL(sent.url()).pathname);
    });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');

    const html = await (await request.get(path)).text();
    const named = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map(([, url]) => url);
    // The lazily loaded part of the app, not only the entry every page loads.
    expect(scripts.size).toBeGreaterThan(2);
    expect(named).toEqual(expect.arrayContaining([...scripts].filter((url) => url !== '/sw.js')));
  });
}

test('a teacher page asks who is signed in once: the shell has already asked, and the page uses that answer', async ({
  page,
  request,
}) => {
  const html = await (await request.get('/teach')).text();
  expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/auth/session">');
  const asked: string[] = [];
  const warnings: string[] = [];
  page.on('request', (sent) => {
    if (new URL(sent.url()).pathname === '/api/auth/session') asked.push(sent.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  await page.goto('/teach');
  await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
  // Chrome warns of a preload left unused a few seconds after the page loaded.
  await page.waitForTimeout(3500);
  expect(asked).toHaveLength(1);
  expect(warnings.filter((text) => /preload/i.test(text))).toStrictEqual([]);
});

test('the classroom screen starts without the site header it never shows, the teacher pages with it', async ({
  request,
}) => {
  const projector = await (await request.get('/teach/sessions/any-session/projector')).text();
  const monitor = await (await request.get('/teach/sessions/any-session')).text();
  expect(monitor).toContain('class="site-header"');
  expect(projector).not.toContain('class="site-header"');
  // The same scripts named, the header apart.
  const named = (html: string) => [...html.matchAll(/href="([^"]+\.js)"/g)].map(([, url]) => url);
  expect(named(projector)).toStrictEqual(named(monitor));
  expect(named(projector).length).toBeGreaterThan(0);
});

test("a student's home page names no script of the teacher's or the live class's pages", async ({
  page,
  request,
}) => {
  const html = await (await request.get('/')).text();
  expect(html).not.toContain('rel="modulepreload"');
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'For teachers' })).toBeVisible();
});
