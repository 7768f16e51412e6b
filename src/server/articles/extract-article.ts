import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article, ArticleBlock } from '#domain/drafting/article';
import { notAnArticle, tooLong, type ArticleField } from './article-errors';
import { withoutLeadingFurniture } from './leading-furniture';

/**
 * Fewer words of paragraphs than this is not an article to draft from: a paywall's first lines,
 * a sign-in page, an index of links. A short news story is 300 words or more.
 */
export const MIN_ARTICLE_WORDS = 150;
/**
 * More words than this is more than a class discusses in a lesson (a long magazine feature has
 * 5,000 to 10,000) and more than a draft is made from in reasonable time: the teacher pastes the
 * part to discuss.
 */
export const MAX_ARTICLE_WORDS = 10_000;

/** What the extraction found, before its language is known. */
export type ExtractedArticle = Omit<Article, 'language'>;

/** Elements whose whole text is one block; anything else is looked into. */
const BLOCK_KINDS: Readonly<Record<string, ArticleBlock['kind'] | undefined>> = {
  P: 'paragraph',
  LI: 'paragraph',
  PRE: 'paragraph',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  FIGCAPTION: 'caption',
};

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

const wordCount = (text: string) => text.split(' ').filter((word) => /\w/.test(word)).length;

function blocksOf(root: Element, into: ArticleBlock[] = []): ArticleBlock[] {
  for (const child of Array.from(root.children)) {
    const kind = BLOCK_KINDS[child.tagName.toUpperCase()];
    if (kind === undefined) {
      blocksOf(child, into);
      continue;
    }
    const text = collapse(child.textContent);
    if (text !== '') into.push({ kind, text });
  }
  return into;
}

/** YYYY-MM-DD from an ISO date or date-time, or anything Date reads; null otherwise. */
export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const leading = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())?.[1];
  if (leading) return leading;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** datePublished anywhere in a JSON-LD value (an object, an array, an @graph). */
function jsonLdDate(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const entry of value) {
      const found = jsonLdDate(entry);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  return isoDate(record.datePublished) ?? jsonLdDate(record['@graph']);
}

/** The page's own publication date, read before Readability changes the document. */
function pageDate(document: Document): string | null {
  const meta = document.querySelector(
    'meta[property="article:published_time"], meta[itemprop="datePublished"], meta[name="date"]',
  );
  const fromMeta = isoDate(meta?.getAttribute('content'));
  if (fromMeta) return fromMeta;
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    try {
      const found = jsonLdDate(JSON.parse(script.textContent) as unknown);
      if (found) return found;
    } catch {
      // A page's broken JSON-LD says nothing about its date: the next one may.
    }
  }
  return null;
}

/** Refuses an article with too few words of paragraphs to draft from, or too many. */
export function requireEnoughText(article: ExtractedArticle, field: ArticleField): void {
  const words = article.blocks
    .filter((block) => block.kind === 'paragraph')
    .reduce((sum, block) => sum + wordCount(block.text), 0);
  if (words > MAX_ARTICLE_WORDS) throw tooLong(field, words, MAX_ARTICLE_WORDS);
  if (words < MIN_ARTICLE_WORDS) {
    throw notAnArticle(
      field,
      words === 0
        ? 'the page has no paragraphs of text'
        : `there are only ${words} words of text, and an article has at least ${MIN_ARTICLE_WORDS} (a page behind a paywall or a sign-in often shows only its first lines)`,
    );
  }
}

/**
 * The article in a web page, by @mozilla/readability (Firefox's Reader View) over linkedom's
 * server DOM: headline, byline, site, date, and its paragraphs, headings (h2-h4) and figure
 * captions in reading order. Refuses (not_an_article) a page without enough article text.
 */
export function extractArticle(
  html: string,
  { url, field, fileName }: { url: string | null; field: ArticleField; fileName?: string },
): ExtractedArticle {
  let { document } = parseHTML(html);
  // linkedom makes no <html> element for text without markup; Readability needs one.
  if (!(document.documentElement as Element | null)) {
    ({ document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`));
  }
  const published = pageDate(document);
  const titleTag = collapse(document.querySelector('title')?.textContent ?? '');
  const parsed = new Readability<Element>(document, {
    serializer: (node) => node as Element,
  }).parse();
  const content = parsed?.content;
  if (!parsed || !content) throw notAnArticle(field, 'the page has no article text');
  const siteName = collapse(parsed.siteName ?? '') || null;
  const title =
    withoutSiteName(collapse(parsed.title ?? ''), siteName) ||
    titleTag ||
    titleFromFileName(fileName) ||
    'Untitled article';
  const byline = collapse(parsed.byline ?? '') || null;
  const article: ExtractedArticle = {
    title,
    byline,
    siteName,
    published: isoDate(parsed.publishedTime) ?? published,
    url,
    blocks: withoutLeadingFurniture(blocksOf(content), { title, byline }),
  };
  requireEnoughText(article, field);
  return article;
}

/** "Budget passes - The Town Crier" -> "Budget passes", when the site is The Town Crier. */
function withoutSiteName(title: string, siteName: string | null): string {
  if (siteName === null) return title;
  for (const separator of [' - ', ' | ', ' – ', ' — ', ' :: ']) {
    const suffix = `${separator}${siteName}`;
    if (title.endsWith(suffix) && title.length > suffix.length)
      return title.slice(0, -suffix.length);
  }
  return title;
}

/** "rain-on-the-plains.md" -> "rain on the plains". */
export function titleFromFileName(fileName: string | undefined): string | null {
  const base = fileName?.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') ?? '';
  const words = collapse(base.replace(/[-_]+/g, ' '));
  return words === '' ? null : words;
}
