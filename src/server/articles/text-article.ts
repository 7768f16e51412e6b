import type { ArticleBlock } from '#domain/drafting/article';
import type { ArticleField } from './article-errors';
import {
  collapse,
  requireEnoughText,
  titleFromFileName,
  type ExtractedArticle,
} from './extract-article';
import { isCaption, plainTextBlocks } from './text-lines';

/** A first line this short, without a full stop, is the headline rather than a paragraph. */
const MAX_HEADLINE_WORDS = 20;

const isMarkdownFile = (fileName: string | undefined) => /\.(md|markdown)$/i.test(fileName ?? '');

/**
 * Markdown's inline marks, taken off so the text is the article's words: images dropped, links
 * kept as their text, emphasis and code marks removed.
 */
function plainMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
}

/** A Markdown line without its block marks: quotes, list bullets and numbers. */
const markdownLine = (line: string) =>
  line.replace(/^\s*(>\s?)+/, '').replace(/^\s*([-*+]|\d+[.)])\s+/, '');

interface ReadBlocks {
  readonly title: string | null;
  readonly blocks: ArticleBlock[];
}

/**
 * Paragraphs are separated by blank lines. In plain text, the lines between two blank lines are
 * joined when they are hard-wrapped, else each is a paragraph (text-lines.ts). In Markdown, the
 * lines of a paragraph are joined, as Markdown does; `#` lines are headings (the first `# ` one,
 * before any text, is the headline) and `---` rules vanish.
 */
function readBlocks(text: string, isMarkdown: boolean): ReadBlocks {
  const blocks: ArticleBlock[] = [];
  let title: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (isMarkdown) {
      const paragraph = collapse(lines.join(' '));
      if (paragraph !== '')
        blocks.push({ kind: isCaption(paragraph) ? 'caption' : 'paragraph', text: paragraph });
    } else {
      blocks.push(...plainTextBlocks(lines));
    }
    lines = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (!isMarkdown) {
      lines.push(line);
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const words = collapse(plainMarkdown(heading[2] ?? ''));
      if (words === '') continue;
      if (heading[1] === '#' && title === null && blocks.length === 0) title = words;
      else blocks.push({ kind: 'heading', text: words });
      continue;
    }
    if (/^\s{0,3}([-*_]\s*){3,}$/.test(line)) {
      flush();
      continue;
    }
    lines.push(plainMarkdown(markdownLine(line)));
  }
  flush();
  return { title, blocks };
}

/**
 * The first paragraph as the headline, when it reads as one: short, and ending in no
 * punctuation but a question mark ("Why did the US kill Qasem Soleimani?").
 */
function headlineOf(blocks: ArticleBlock[]): string | null {
  const first = blocks[0];
  if (first?.kind !== 'paragraph') return null;
  const words = first.text.split(' ').length;
  if (words > MAX_HEADLINE_WORDS || /[.!:;,]$/.test(first.text)) return null;
  return first.text;
}

/**
 * An article from plain text or Markdown (a `.txt` or `.md` file, or pasted text): paragraphs
 * split on blank lines, and on lines where a plain text is not hard-wrapped; a line with a
 * picture's credit is a caption. The headline is a Markdown `# ` heading, else a short first line, else
 * the file's name. Refuses (not_an_article) too little text.
 */
export function articleFromText(
  text: string,
  { fileName, field, url = null }: { fileName?: string; field: ArticleField; url?: string | null },
): ExtractedArticle {
  const read = readBlocks(text, isMarkdownFile(fileName));
  let { title } = read;
  let { blocks } = read;
  if (title === null) {
    title = headlineOf(blocks);
    if (title !== null) blocks = blocks.slice(1);
  }
  const article: ExtractedArticle = {
    title: title ?? titleFromFileName(fileName) ?? 'Untitled article',
    byline: null,
    siteName: null,
    published: null,
    url,
    blocks,
  };
  requireEnoughText(article, field);
  return article;
}
