import { ARTICLE_MAX_BYTES } from '#domain/api/lesson-library-contracts';
import { formatFileSize } from './describe-lesson';

/**
 * An article chosen as a file, read in the browser into the body the drafting endpoint takes: a
 * web page (`.html`, `.htm`) goes as `html` for the server to extract the article from, plain
 * text and Markdown (`.txt`, `.md`) as `text`, each with its file name.
 */

/** What the file input accepts, by extension and by type. */
export const ARTICLE_FILE_ACCEPT =
  '.html,.htm,.txt,.md,.markdown,text/html,text/plain,text/markdown';

export type ArticleFileBody =
  | { readonly html: string; readonly fileName: string }
  | { readonly text: string; readonly fileName: string };

export type ArticleFileReading =
  | { readonly ok: true; readonly body: ArticleFileBody }
  | { readonly ok: false; readonly message: string };

type FileKind = 'html' | 'text';

const KIND_BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  html: 'html',
  htm: 'html',
  txt: 'text',
  md: 'text',
  markdown: 'text',
};

function kindOf(fileName: string): FileKind | null {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === undefined ? null : (KIND_BY_EXTENSION[extension] ?? null);
}

/** Reads the chosen file, or says plainly why it cannot be sent. */
export async function readArticleFile(file: File | null | undefined): Promise<ArticleFileReading> {
  if (!file) {
    return { ok: false, message: 'Choose the article’s file: a .html, .txt or .md file.' };
  }
  const kind = kindOf(file.name);
  if (kind === null) {
    return {
      ok: false,
      message: `“${file.name}” is not a web page or text file: choose a .html, .txt or .md file (save a PDF or a Word document as text first).`,
    };
  }
  // The server refuses a bigger page or text too (too_large): say so before sending it.
  if (file.size > ARTICLE_MAX_BYTES) {
    return {
      ok: false,
      message: `“${file.name}” is ${formatFileSize(file.size)}: an article’s file can be at most ${formatFileSize(ARTICLE_MAX_BYTES)}.`,
    };
  }
  let content: string;
  try {
    content = await file.text();
  } catch (error) {
    console.warn('The chosen article file could not be read.', error);
    return { ok: false, message: `“${file.name}” could not be read. Choose it again.` };
  }
  if (content.trim() === '') {
    return {
      ok: false,
      message: `“${file.name}” is empty: choose the file with the article in it.`,
    };
  }
  return {
    ok: true,
    body:
      kind === 'html'
        ? { html: content, fileName: file.name }
        : { text: content, fileName: file.name },
  };
}
