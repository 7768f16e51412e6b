import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { importLessonFile } from '#domain/lesson/lesson-file';
import { expect, test } from './support/fixtures';
import { LessonLibraryPages } from './support/lesson-library-pages';
import { StudentPages, TeacherPages } from './support/live-session-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

/**
 * A teacher brings an article by its web address and gets a drafted lesson. The article is
 * served by a local HTTP server this spec starts on 127.0.0.1, which the app's server lets
 * through its private-address guard (ARTICLE_FETCH_ALLOW_HOSTS in playwright.config.ts).
 */

const ARTICLE_PATH = path.join(import.meta.dirname, 'fixtures', 'article-shade-trees.html');
const ARTICLE_ADDRESS = '/news/marlow-shade-trees';
const HEADLINE = 'Marlow will plant 20,000 trees to cool its hottest streets';

/** A paywall stub: a page with a headline and a line of text, no article. */
const PAYWALL_PAGE = `<!doctype html><html lang="en"><head><title>Subscribe to read | The Marlow Ledger</title></head>
<body><header><a href="/">The Marlow Ledger</a></header><main><h1>Council approves budget</h1>
<p>This story is for subscribers. Subscribe now to keep reading.</p>
<p><a href="/subscribe">Subscribe</a> · <a href="/login">Sign in</a></p></main></body></html>`;

/** An article in Spanish, as a text file: drafting is English-only for now. */
const SPANISH_TITLE = 'La ciudad plantará veinte mil árboles';
const SPANISH_ARTICLE = [
  SPANISH_TITLE,
  'El ayuntamiento aprobó el martes un plan para plantar veinte mil árboles en las calles más calurosas de la ciudad durante los próximos cinco años. La mayoría de los árboles se plantarán en los tres barrios del este, donde el verano pasado se registraron las temperaturas más altas.',
  'Según el departamento de parques, los árboles jóvenes necesitan agua cada semana durante sus tres primeros veranos. Por eso la ciudad contratará equipos de riego y pedirá ayuda a los vecinos, que podrán elegir las especies para su calle en talleres que se celebrarán en agosto.',
  'Dos concejales votaron en contra porque creen que el mantenimiento costará demasiado. Otros vecinos temen que las calles más verdes hagan subir los alquileres y expulsen a las familias a las que el plan quiere ayudar. La alcaldesa dijo que apoyará una propuesta para ampliar la ayuda legal a los inquilinos de esos barrios.',
  'Los investigadores de la universidad calculan que, si los árboles sobreviven, las manzanas más calurosas serán entre dos y tres grados más frescas en las tardes de verano dentro de unos quince años.',
].join('\n\n');

let articleServer: Server;
let origin = '';

test.beforeAll(async () => {
  const article = await readFile(ARTICLE_PATH, 'utf8');
  const pages: Readonly<Record<string, string>> = {
    [ARTICLE_ADDRESS]: article,
    '/news/council-budget': PAYWALL_PAGE,
  };
  articleServer = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const page = pages[pathname];
    response.writeHead(page === undefined ? 404 : 200, {
      'content-type': 'text/html; charset=utf-8',
    });
    // The article comes slowly, as from a busy news site: the form shows its progress meanwhile.
    const delay = pathname === ARTICLE_ADDRESS ? 1_500 : 0;
    setTimeout(() => response.end(page ?? 'Not found'), delay);
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

test('on a small phone, the form says what is missing, a page that is no article offers paste, and a Spanish file starts a lesson by hand', async ({
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
  // Sent while the connection is down, the request waits, says so, and goes once it is back.
  const stub = `${origin}/news/council-budget`;
  await address.fill(stub);
  await page.context().setOffline(true);
  await form.getByRole('button', { name: 'Draft the lesson' }).click();
  await expect(form.getByRole('status')).toHaveText(/No connection: the request will be sent/);
  await page.context().setOffline(false);
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

  // A file in Spanish: drafting is English-only for now; its text starts a lesson by hand.
  await form.getByRole('radio', { name: 'File (.html, .txt or .md)' }).check();
  const file = form.getByLabel('Article file');
  await file.setInputFiles({
    name: 'arboles.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(SPANISH_ARTICLE),
  });
  await form.getByRole('button', { name: 'Draft the lesson' }).click();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toHaveAccessibleDescription(
    /Drafting is English-only for now, and this article is in Spanish/,
  );
  await expectNoSidewaysScroll(page);
  await form.getByRole('button', { name: 'Start by hand with this text' }).click();
  await expect(form.getByRole('radio', { name: 'Paste text' })).toBeChecked();
  await expect(form.getByLabel('Article title')).toBeFocused();
  await expect(form.getByLabel('Article title')).toHaveValue(SPANISH_TITLE);
  await expect(form.getByLabel('Article text')).toHaveValue(/^El ayuntamiento aprobó/);
  await expect(form.getByRole('status').filter({ hasText: 'paragraphs found' })).toHaveText(
    '4 paragraphs found.',
  );
});

/** A student's answer to a discussion prompt, long enough for any minimum the draft sets. */
const answer = (name: string) =>
  `${name} thinks the trees will help East Hollow most, because its streets are the hottest and the children there walk to school in the sun, but the city has to keep watering them for years or many will die as they did in 2019.`;

test('a teacher brings an article by its address with the keyboard, reviews the draft, publishes it and runs it with two students', async ({
  teacher,
  newDevice,
}) => {
  test.setTimeout(180_000);
  const { page } = teacher;
  const library = new LessonLibraryPages(page);
  await library.open();

  // The form, by keyboard only: Tab to the way (a web address is the first), Tab to the field,
  // type the address, Enter.
  const form = await openNewLessonForm(page);
  await page.keyboard.press('Tab');
  await expect(form.getByRole('radio', { name: 'Web address' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('textbox', { name: 'Web address of the article' })).toBeFocused();
  await page.keyboard.type(`${origin}${ARTICLE_ADDRESS}`);
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toHaveText(/Fetching the article and drafting the lesson/);
  await expect(form.getByRole('button', { name: 'Drafting…' })).toBeDisabled();

  // The editor opens on the draft, every drafted part marked.
  await expect(page.getByRole('heading', { level: 1, name: HEADLINE })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page).toHaveURL(/\/teach\/lessons\/(?!new$)[^/]+$/);
  await expect(page.getByLabel('Link to the article (optional)')).toHaveValue(
    `${origin}${ARTICLE_ADDRESS}`,
  );
  await expect(
    page.getByText(/^Grade \d+(\.\d)? \(Flesch-Kincaid, 1,\d{3} words\)$/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Accept drafted / }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Two drafted items edited: editing a part reviews it.
  const prompt = library
    .section(1)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 4, name: 'Item 1: Discussion' }) });
  const question = 'What will Shade Marlow change for the children of East Hollow, and when?';
  await prompt.getByLabel('Question', { exact: true }).fill(question);
  await expect(
    prompt.getByRole('button', { name: 'Accept drafted item 1 of section 1' }),
  ).toBeHidden();
  const claims = library
    .section(2)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 4, name: 'Item 2: Claim check' }) });
  await claims
    .getByLabel('Instructions')
    .fill('Is each sentence a fact you could check, an opinion, or a prediction? Say why.');
  await expect(
    claims.getByRole('button', { name: 'Accept drafted item 2 of section 2' }),
  ).toBeHidden();

  // The rest accepted, section by section, then the article's details.
  const acceptAll = page.getByRole('button', { name: /^Accept all drafted parts of section / });
  while ((await acceptAll.count()) > 0) await acceptAll.first().click();
  await page.getByRole('button', { name: 'Accept drafted details of the article' }).click();

  // The glossary's definitions, left for the teacher.
  const definitions = page.getByRole('textbox', { name: /^Definition of term \d+$/ });
  const terms = await definitions.count();
  for (let index = 0; index < terms; index++) {
    await definitions.nth(index).fill(`A name or word of the article, explained (${index + 1}).`);
  }
  await expect(page.getByRole('button', { name: /^Accept drafted / })).toHaveCount(0);
  await expect(
    page.getByRole('heading', { name: 'No problems: the lesson can be published' }),
  ).toBeVisible();
  await library.expectSaved();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Version 1 published.')).toBeVisible();

  // The published lesson, as its file says, run live with two students.
  const lessonId = /\/teach\/lessons\/([^/]+)$/.exec(page.url())?.[1] ?? '';
  const file = await (await page.request.get(`/api/lessons/${lessonId}/file`)).text();
  const published = importLessonFile(file);
  if (!published.ok) throw new Error(`the lesson does not import: ${file.slice(0, 500)}`);
  const lesson = published.lesson;
  const firstItem = lesson.sections[0]?.items[0];
  if (firstItem?.kind !== 'prompt') throw new Error('the first item is not the edited prompt');
  expect(firstItem.question).toBe(question);
  expect(lesson.sections.flatMap((section) => section.items).length).toBeGreaterThanOrEqual(8);

  await page.goto('/teach');
  await page
    .getByRole('form', { name: 'Start a session' })
    .getByLabel('Lesson')
    .selectOption({ label: `${HEADLINE} (version 1)` });
  const live = new TeacherPages(page, lesson);
  const code = await live.startSession('Teacher-paced');
  const ana = new StudentPages(await newDevice(), lesson);
  const ben = new StudentPages(await newDevice(), lesson);
  await ana.join(code, 'Ana');
  await ben.join(code, 'Ben');
  await live.expectStudents(['Ana', 'Ben']);
  await live.expectSection(lesson.sections[0]!);
  await live.openItem(firstItem);
  for (const student of [ana, ben]) {
    // The lesson records its language: the article's text says it to a screen reader.
    await expect(student.page.getByRole('article', { name: 'Article text' })).toHaveAttribute(
      'lang',
      'en',
    );
    await student.writeAnswer(firstItem, answer(student === ana ? 'Ana' : 'Ben'));
    await student.expectSaved(firstItem);
  }
  await live.expectAnswered(firstItem, 2, 2);
});
