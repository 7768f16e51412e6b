import { describe, expect, it } from 'vitest';
import { ARTICLE_MAX_BYTES } from '#domain/api/lesson-library-contracts';
import { readArticleFile } from './article-file';

const file = (content: string, name: string) => new File([content], name);

describe('readArticleFile', () => {
  it('sends a web page as html, with its name', async () => {
    expect(await readArticleFile(file('<p>Text</p>', 'story.HTML'))).toEqual({
      ok: true,
      body: { html: '<p>Text</p>', fileName: 'story.HTML' },
    });
  });

  it('sends plain text and Markdown as text, with their names', async () => {
    expect(await readArticleFile(file('# Head\n\nText', 'story.md'))).toEqual({
      ok: true,
      body: { text: '# Head\n\nText', fileName: 'story.md' },
    });
    expect(await readArticleFile(file('Text', 'story.txt'))).toMatchObject({
      ok: true,
      body: { text: 'Text' },
    });
  });

  it('asks for a file when none is chosen', async () => {
    expect(await readArticleFile(null)).toEqual({
      ok: false,
      message: 'Choose the article’s file: a .html, .txt or .md file.',
    });
  });

  it('names a file of another kind and what to choose instead', async () => {
    const reading = await readArticleFile(file('%PDF', 'story.pdf'));
    expect(reading).toMatchObject({ ok: false });
    expect(!reading.ok && reading.message).toMatch(/“story\.pdf” is not .*\.html, \.txt or \.md/);
  });

  it('refuses an empty file and one over the limit, saying so', async () => {
    expect(await readArticleFile(file('  \n', 'empty.txt'))).toEqual({
      ok: false,
      message: '“empty.txt” is empty: choose the file with the article in it.',
    });
    const big = file('x'.repeat(ARTICLE_MAX_BYTES + 1), 'big.html');
    expect(await readArticleFile(big)).toEqual({
      ok: false,
      message: '“big.html” is 5.1 MB: an article’s file can be at most 5 MB.',
    });
  });
});
