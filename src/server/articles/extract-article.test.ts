import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';

const page = (byline: string) =>
  readFileSync(new URL('./fixtures/news-page-header.html', import.meta.url), 'utf8').replace(
    '__BYLINE__',
    byline,
  );
const texts = (html: string) =>
  extractArticle(html, { url: null, field: 'html' }).blocks.map((block) => block.text);

describe('extracting an article from a news page', () => {
  it.each(['By Sam Okafor', 'Sam Okafor'])(
    'leaves out the header’s kicker, headline, byline (%s) and date before the first paragraph',
    (byline) => {
      const blocks = texts(page(byline));
      expect(blocks[0]).toMatch(/^The Gull Point town council voted 5 to 0/);
      for (const furniture of ['Town Hall', byline, 'May 4, 2026']) {
        expect(blocks).not.toContain(furniture);
      }
    },
  );

  it('keeps a short paragraph of the text after the first one', () => {
    expect(texts(page('By Sam Okafor'))).toContain('Nobody spoke against it.');
  });

  it('keeps a short label line that comes after the text has started', () => {
    const html = page('By Sam Okafor').replace(
      '<p>Nobody spoke against it.</p>',
      '<p>Town Hall</p><p>June 1, 2026</p>',
    );
    expect(texts(html)).toEqual(expect.arrayContaining(['Town Hall', 'June 1, 2026']));
  });
});
