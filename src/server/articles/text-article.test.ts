import { describe, expect, it } from 'vitest';
import { ARTICLE } from '../test/article-site';
import { articleFromText } from './text-article';

const [first, second, ...rest] = ARTICLE.paragraphs;

describe('an article from text', () => {
  it('reads Markdown: the first # line is the headline, ## lines headings, marks removed', () => {
    const markdown = [
      `# ${ARTICLE.title}`,
      `**Mayor** says the [council](https://example.org/council) voted. ${first}`,
      `## ${ARTICLE.heading}`,
      `> ${second}`,
      '---',
      ...rest.map((paragraph) => `- ${paragraph}`),
    ].join('\n\n');
    const article = articleFromText(markdown, { fileName: 'Flood Wall.MD', field: 'text' });
    expect(article.title).toBe(ARTICLE.title);
    expect(article.blocks.slice(0, 3)).toEqual([
      { kind: 'paragraph', text: `Mayor says the council voted. ${first}` },
      { kind: 'heading', text: ARTICLE.heading },
      { kind: 'paragraph', text: second },
    ]);
    expect(article.blocks.slice(3).map((block) => block.text)).toEqual(rest);
  });

  it('reads plain text: paragraphs on blank lines, their lines joined, # kept as it is', () => {
    const text = [ARTICLE.title, first.replace('. ', '.\n'), `# ${second}`, ...rest].join('\n\n');
    const article = articleFromText(text, { field: 'text' });
    expect(article.title).toBe(ARTICLE.title);
    expect(article.blocks.map((block) => block.text)).toEqual([first, `# ${second}`, ...rest]);
  });

  it("takes the file's name as the headline when the text starts with a paragraph", () => {
    const article = articleFromText(ARTICLE.paragraphs.join('\n\n'), {
      fileName: 'river-town_flood.txt',
      field: 'text',
    });
    expect(article.title).toBe('river town flood');
    expect(article.blocks).toHaveLength(ARTICLE.paragraphs.length);
  });
});
