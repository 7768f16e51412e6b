import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  unsupportedLanguageResponseSchema,
  type LessonDetail,
  type LessonLibrary,
} from '#domain/api/lesson-library-contracts';
import { errorOf, expectRefusal, signUpTeacher, type ApiClient } from './api-client';
import {
  ARTICLE,
  PAYWALL_PAGE,
  SPANISH_ARTICLE,
  articlePage,
  hardWrapped,
  sendEndlessly,
  sendHtml,
  startArticleSite,
  type ArticleSite,
} from './article-site';
import { created } from './lesson-library-fixtures';
import { describeWithServer } from './use-test-server';

/** The fetch's time limit in these tests: long enough for a page, short for the slow one. */
const TIME_LIMIT_MS = 2000;

let site: ArticleSite;
const slowResponses = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  site = await startArticleSite((origin) => ({
    '/article': sendHtml(articlePage()),
    '/moved': (_request, response) => {
      response.writeHead(301, { location: '/article' }).end();
    },
    '/spanish': sendHtml(
      articlePage({
        title: SPANISH_ARTICLE.title,
        paragraphs: SPANISH_ARTICLE.paragraphs,
        lang: 'es',
      }),
    ),
    '/paywalled': sendHtml(PAYWALL_PAGE),
    '/huge': sendEndlessly(20),
    '/report.pdf': sendHtml('%PDF-1.7', 'application/pdf'),
    '/plain': sendHtml([ARTICLE.title, ...ARTICLE.paragraphs].join('\n\n'), 'text/plain'),
    '/slow': (_request, response) => {
      // Headers at once, the page never: only the time limit ends it.
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body><p>The river');
      slowResponses.add(setTimeout(() => response.end('</p></body></html>'), 60_000));
    },
    // The name resolves to this same site, but only 127.0.0.1:<port> is allowed, not the name.
    '/to-localhost': (_request, response) => {
      response.writeHead(302, { location: `http://localhost:${site.port}/article` }).end();
    },
    '/to-metadata': (_request, response) => {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    },
    '/to-file': (_request, response) => {
      response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    },
    '/loop': (_request, response) => {
      response.writeHead(302, { location: `${origin}/loop` }).end();
    },
  }));
});

afterAll(async () => {
  for (const timer of slowResponses) clearTimeout(timer);
  await site.close();
});

/** Every string of the lesson's sections, in order, as one text to find paragraphs in. */
function expectParagraphsInOrder(detail: LessonDetail, paragraphs: readonly string[]) {
  const sections = JSON.stringify((detail.draft as { sections?: unknown }).sections);
  let from = 0;
  for (const paragraph of paragraphs) {
    const at = sections.indexOf(JSON.stringify(paragraph).slice(1, -1), from);
    expect(at, `"${paragraph.slice(0, 40)}..." in order in the sections`).toBeGreaterThanOrEqual(
      from,
    );
    from = at;
  }
}

const sectionsOf = (detail: LessonDetail) =>
  (detail.draft as { sections: readonly unknown[] }).sections;

const metadataOf = (detail: LessonDetail) =>
  (detail.draft as { metadata: Record<string, unknown> }).metadata;

const draftFrom = (teacher: ApiClient, body: unknown) => teacher.post('/api/lessons/drafts', body);

describeWithServer(
  'drafting a lesson from an article on %s',
  {
    config: () => ({
      articleFetchAllowHosts: [{ host: '127.0.0.1', port: site.port }],
      articleFetchTimeoutMs: TIME_LIMIT_MS,
    }),
  },
  (ctx) => {
    it('fetches an article by its address, through a redirect, into a new drafted lesson', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const detail = created(await draftFrom(teacher, { url: `${site.origin}/moved` }));
      expect(detail.summary).toMatchObject({
        title: ARTICLE.title,
        status: 'draft',
        builtIn: false,
        publishedVersion: null,
      });
      expect(metadataOf(detail)).toMatchObject({ title: ARTICLE.title, language: 'en' });
      expect(JSON.stringify(detail.draft)).toContain(`${site.origin}/article`);
      expectParagraphsInOrder(detail, ARTICLE.paragraphs);
      // The teacher's library has it, to open in the editor.
      const library = await teacher.get<LessonLibrary>('/api/lessons');
      expect(library.body.lessons.map((l) => l.lessonId)).toContain(detail.summary.lessonId);
    });

    it('drafts from a page served as plain text', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const detail = created(await draftFrom(teacher, { url: `${site.origin}/plain` }));
      expect(detail.summary.title).toBe(ARTICLE.title);
      expectParagraphsInOrder(detail, ARTICLE.paragraphs);
    });

    it('drafts from an uploaded page, a Markdown file and pasted text', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const fromHtml = created(
        await draftFrom(teacher, { html: articlePage(), fileName: 'flood-wall.html' }),
      );
      expect(fromHtml.summary.title).toBe(ARTICLE.title);
      expectParagraphsInOrder(fromHtml, ARTICLE.paragraphs);

      const markdown = [
        `# ${ARTICLE.title}`,
        ...ARTICLE.paragraphs.slice(0, 4),
        `## ${ARTICLE.heading}`,
        ...ARTICLE.paragraphs.slice(4),
      ].join('\n\n');
      const fromMarkdown = created(
        await draftFrom(teacher, { text: markdown, fileName: 'flood-wall.md' }),
      );
      expect(fromMarkdown.summary.title).toBe(ARTICLE.title);
      expect(JSON.stringify(fromMarkdown.draft)).not.toContain('# ');
      expectParagraphsInOrder(fromMarkdown, ARTICLE.paragraphs);

      // A text file wrapped by hand: the lines of a paragraph are joined.
      const wrapped = [ARTICLE.title, ...ARTICLE.paragraphs]
        .map((p) => hardWrapped(p))
        .join('\n\n');
      const fromFile = created(
        await draftFrom(teacher, { text: wrapped, fileName: 'flood-wall.txt' }),
      );
      expect(fromFile.summary.title).toBe(ARTICLE.title);
      expectParagraphsInOrder(fromFile, ARTICLE.paragraphs);

      // Text pasted from a web page: a paragraph a line, a question as its headline. Twice the
      // story (over 320 words) makes two sections, which one joined paragraph could not.
      const question = 'Will a taller wall keep Millbrook dry?';
      const twice = [...ARTICLE.paragraphs, ...ARTICLE.paragraphs];
      const fromText = created(
        await draftFrom(teacher, { text: [question, '', ...twice].join('\n') }),
      );
      expect(fromText.summary.title).toBe(question);
      expect(sectionsOf(fromText).length).toBeGreaterThan(1);
      expectParagraphsInOrder(fromText, twice);
    });

    it('refuses a page without an article, saying so', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const response = await draftFrom(teacher, { url: `${site.origin}/paywalled` });
      expectRefusal(response, 422, 'not_an_article', 'url');
      expect(errorOf(response).message).toMatch(/only \d+ words of text.*paste/);
      expectRefusal(
        await draftFrom(teacher, { text: 'Too short.' }),
        422,
        'not_an_article',
        'text',
      );
      expectRefusal(
        await draftFrom(teacher, { html: '<html><body><nav>Home</nav></body></html>' }),
        422,
        'not_an_article',
        'html',
      );
    });

    it('refuses a non-English article with its language and text, creating nothing', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const before = (await teacher.get<LessonLibrary>('/api/lessons')).body.lessons.length;
      const response = await draftFrom(teacher, { url: `${site.origin}/spanish` });
      expectRefusal(response, 422, 'unsupported_language', 'url');
      const { error } = unsupportedLanguageResponseSchema.parse(response.body);
      expect(error.language).toBe('es');
      expect(error.message).toMatch(/Spanish.*English/);
      expect(error.article).toEqual({
        title: SPANISH_ARTICLE.title,
        paragraphs: SPANISH_ARTICLE.paragraphs,
      });
      const after = (await teacher.get<LessonLibrary>('/api/lessons')).body.lessons.length;
      expect(after).toBe(before);
    });

    it.each([
      ['a file: address', 'file:///etc/passwd', /file: address; only http and https/],
      ['a javascript: address', 'javascript:alert(1)', /only http and https/],
      ['what is no address', 'the river story', /not a web address/],
      ['a literal private address', 'http://10.0.0.1/news', /10\.0\.0\.1 is a private network/],
      ['a literal loopback IPv6 address', 'http://[::1]/', /::1 is a loopback address/],
      ['the metadata service', 'http://169.254.169.254/latest/', /cloud metadata/],
      ['a mapped private address', 'http://[::ffff:192.168.0.1]/', /192\.168\.0\.1 is a private/],
      ['an allowed host on another port', `http://127.0.0.1:1/article`, /loopback/],
      [
        'a name that leads home',
        `http://localhost:1/`,
        /localhost leads to (127.0.0.1|::1), which is a loopback/,
      ],
      ['a user and password', 'https://me:secret@news.example/', /user name or password/],
    ])('refuses %s with url_refused and why', async (_what, url, why) => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const response = await draftFrom(teacher, { url });
      expectRefusal(response, 422, 'url_refused', 'url');
      expect(errorOf(response).message).toMatch(why);
    });

    it.each([
      [
        'to a name of a private address',
        '/to-localhost',
        /redirects to http:\/\/localhost.*loopback/,
      ],
      ['to the metadata service', '/to-metadata', /redirects to .*cloud metadata/],
      ['to a file: address', '/to-file', /redirects to file:\/\/\/etc\/passwd.*only http/],
    ])('refuses a redirect %s, though the first host is allowed', async (_what, path, why) => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const response = await draftFrom(teacher, { url: `${site.origin}${path}` });
      expectRefusal(response, 422, 'url_refused', 'url');
      expect(errorOf(response).message).toMatch(why);
    });

    it('stops at a page past 5 MB, at one that takes too long, and at a text too long to draft', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const huge = await draftFrom(teacher, { url: `${site.origin}/huge` });
      expectRefusal(huge, 413, 'too_large', 'url');
      expect(errorOf(huge).message).toMatch(/larger than 5 MB/);

      const started = Date.now();
      const slow = await draftFrom(teacher, { url: `${site.origin}/slow` });
      expectRefusal(slow, 502, 'fetch_failed', 'url');
      expect(errorOf(slow).message).toMatch(/took longer than 2 s/);
      expect(Date.now() - started).toBeLessThan(TIME_LIMIT_MS + 1500);

      const tooBig = await draftFrom(teacher, { text: 'word '.repeat(1_100_000) });
      expectRefusal(tooBig, 413, 'too_large', 'text');
      const tooLong = await draftFrom(teacher, { text: 'The river rose. '.repeat(4000) });
      expectRefusal(tooLong, 413, 'too_large', 'text');
      expect(errorOf(tooLong).message).toMatch(/12,000 words: .* at most 10,000/);
    });

    it('says why a fetch failed: not found, not a page, too many redirects', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const missing = await draftFrom(teacher, { url: `${site.origin}/gone` });
      expectRefusal(missing, 502, 'fetch_failed', 'url');
      expect(errorOf(missing).message).toMatch(/answered 404/);
      const pdf = await draftFrom(teacher, { url: `${site.origin}/report.pdf` });
      expectRefusal(pdf, 502, 'fetch_failed', 'url');
      expect(errorOf(pdf).message).toMatch(/application\/pdf, not a web page/);
      const loop = await draftFrom(teacher, { url: `${site.origin}/loop` });
      expectRefusal(loop, 502, 'fetch_failed', 'url');
      expect(errorOf(loop).message).toMatch(/more than 3 times/);
    });

    it('lets a teacher bring 30 articles in 10 minutes', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      for (let i = 0; i < 30; i += 1) {
        expectRefusal(await draftFrom(teacher, { text: `Draft ${i}.` }), 422, 'not_an_article');
      }
      const refused = await draftFrom(teacher, { text: 'One more.' });
      expectRefusal(refused, 429, 'rate_limited');
      expect(errorOf(refused).message).toMatch(/articles brought/);
      // Another teacher's count is their own.
      const other = await signUpTeacher(ctx.server.baseUrl);
      expectRefusal(await draftFrom(other, { text: 'Mine.' }), 422, 'not_an_article');
    });

    it('refuses a body that is none of the three kinds', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      for (const body of [{}, { url: 'https://a.example', text: 'both' }, { pdf: 'x' }]) {
        const response = await draftFrom(teacher, body);
        expectRefusal(response, 400, 'invalid_input');
        expect(errorOf(response).message).toMatch(/one of \{ url \}/);
      }
    });
  },
);
