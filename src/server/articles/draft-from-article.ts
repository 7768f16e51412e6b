import { randomBytes } from 'node:crypto';
import type { Article } from '#domain/drafting/article';
import { draftLesson } from '#domain/drafting/draft-lesson';
import { ApiError } from '../lib/api-error';
import { detectLanguage } from './article-language';
import { type ArticleField } from './article-errors';
import { extractArticle, type ExtractedArticle } from './extract-article';
import { articleFromText } from './text-article';
import { wordRank } from './word-rank';

/** The only language the drafter reads for now (its cues and word lists are English). */
export const DRAFTED_LANGUAGE = 'en';

/** An article to read and draft: a page's markup or a text, with where it came from. */
export interface DraftJob {
  readonly kind: 'html' | 'text';
  readonly body: string;
  readonly url: string | null;
  readonly field: ArticleField;
  readonly fileName?: string;
  /** Today's date, YYYY-MM-DD: the drafter takes the time as an argument. */
  readonly today: string;
}

/** A refusal as plain data, to cross from a worker thread (an ApiError's class would not). */
export interface Refusal {
  readonly statusCode: number;
  readonly code: ApiError['code'];
  readonly message: string;
  readonly field?: string;
}

export type DraftAnswer =
  | {
      readonly ok: true;
      readonly article: ExtractedArticle;
      readonly language: string;
      /** The drafted lesson, or null for an article in a language the drafter cannot read. */
      readonly draft: Record<string, unknown> | null;
    }
  | { readonly ok: false; readonly refusal: Refusal };

/** An id for the lesson's content: its title's words, and enough randomness to be its own. */
function lessonIdFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const suffix = randomBytes(3).toString('hex');
  return slug === '' ? `article-${suffix}` : `${slug}-${suffix}`;
}

/**
 * Reads the article (extraction, language) and drafts its lesson when it is in English. A
 * refusal (not_an_article) is answered as data; any other error is thrown.
 */
export function draftFromArticle(job: DraftJob): DraftAnswer {
  try {
    const options = { url: job.url, field: job.field, fileName: job.fileName };
    const article =
      job.kind === 'html' ? extractArticle(job.body, options) : articleFromText(job.body, options);
    const paragraphs = article.blocks.filter((block) => block.kind === 'paragraph');
    const language = detectLanguage(paragraphs.map((block) => block.text).join('\n'));
    if (language !== DRAFTED_LANGUAGE) return { ok: true, article, language, draft: null };
    const full: Article = { ...article, language };
    const draft = draftLesson(full, {
      lessonId: lessonIdFor(article.title),
      today: job.today,
      wordRank,
    });
    return { ok: true, article, language, draft };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const { statusCode, code, message, field } = error;
    return { ok: false, refusal: { statusCode, code, message, field } };
  }
}
