import { describe, expect, it } from 'vitest';
import { ARTICLE, hardWrapped } from '../test/article-site';
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

  it('reads a Markdown paragraph with a picture credit as a caption', () => {
    const caption = 'The broken flood wall on Water Street. (Photo: Dana Whitfield)';
    const markdown = [`# ${ARTICLE.title}`, caption, ...ARTICLE.paragraphs].join('\n\n');
    const article = articleFromText(markdown, { fileName: 'wall.md', field: 'text' });
    expect(article.blocks[0]).toEqual({ kind: 'caption', text: caption });
  });

  it('joins the lines of a hard-wrapped text, its paragraphs on blank lines; # kept as it is', () => {
    const text = [ARTICLE.title, ...[first, `# ${second}`, ...rest].map((p) => hardWrapped(p))];
    const article = articleFromText(text.join('\n\n'), { field: 'text' });
    expect(article.title).toBe(ARTICLE.title);
    expect(article.blocks.map((block) => block.text)).toEqual([first, `# ${second}`, ...rest]);
  });

  it('reads a paragraph a line, as text copied from a web page comes, and a question headline', () => {
    const headline = 'Why, after six years of waiting, did Millbrook vote for a new wall?';
    const standfirst = 'The answer may lie in the storms of last spring.';
    const caption = 'CROWDS GATHER at the broken flood wall on Water Street in April 2025.';
    const text = [
      headline,
      '',
      standfirst,
      '',
      `${caption} (photo credit: REUTERS)`,
      caption,
      '(photo credit: REUTERS)',
      ...ARTICLE.paragraphs,
    ].join('\n');
    const article = articleFromText(text, { field: 'text' });
    expect(article.title).toBe(headline);
    expect(article.blocks).toEqual([
      { kind: 'paragraph', text: standfirst },
      { kind: 'caption', text: `${caption} (photo credit: REUTERS)` },
      ...ARTICLE.paragraphs.map((text) => ({ kind: 'paragraph', text })),
    ]);
  });

  it('keeps short lines that end their sentences as paragraphs of their own', () => {
    const lines = [
      'Photo: The broken flood wall on Water Street',
      'The vote was 6 to 1.',
      'Work starts in April.',
      'It should be finished by the end of 2027.',
    ];
    const text = [ARTICLE.title, lines.join('\n'), ...ARTICLE.paragraphs].join('\n\n');
    const article = articleFromText(text, { field: 'text' });
    expect(article.blocks.slice(0, 4)).toEqual([
      { kind: 'caption', text: lines[0] },
      ...lines.slice(1).map((text) => ({ kind: 'paragraph', text })),
    ]);
  });

  it('takes a short first line as the headline only when it ends as a headline does', () => {
    const body = ARTICLE.paragraphs.join('\n\n');
    const statement = articleFromText(`The council voted.\n\n${body}`, { field: 'text' });
    expect(statement.title).toBe('Untitled article');
    expect(statement.blocks[0]).toEqual({ kind: 'paragraph', text: 'The council voted.' });
    const question = articleFromText(`Will the wall hold?\n\n${body}`, { field: 'text' });
    expect(question.title).toBe('Will the wall hold?');
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
