import type { ApiErrorBody, ArticleText } from '#domain/api/errors';
import {
  ARTICLE_MAX_BYTES,
  type LessonDetail,
  type draftFromArticleRequestSchema,
} from '#domain/api/lesson-library-contracts';
import type { z } from 'zod';
import { languageName } from '../articles/article-language';
import { tooLarge, type ArticleField } from '../articles/article-errors';
import { ArticleDrafter } from '../articles/article-drafter';
import type { DraftJob } from '../articles/draft-from-article';
import { fetchPage, type FetchLimits } from '../articles/safe-fetch';
import { ApiError } from '../lib/api-error';
import type { LessonLibrary } from './lesson-library';

type DraftRequest = z.output<typeof draftFromArticleRequestSchema>;

/**
 * 422 unsupported_language: an article the drafter cannot read. Nothing is stored; the body
 * carries the language found and the text, so the teacher can start the lesson by hand.
 */
export class UnsupportedLanguageError extends ApiError {
  constructor(
    field: ArticleField,
    readonly language: string,
    readonly article: ArticleText,
  ) {
    super(
      422,
      'unsupported_language',
      `This article is in ${languageName(language)}: lessons are drafted from English articles for now. Start the lesson by hand from its text instead.`,
      field,
    );
  }

  override toBody(): ApiErrorBody {
    const { error } = super.toBody();
    return { error: { ...error, language: this.language, article: this.article } };
  }
}

function checkSize(text: string, field: ArticleField): void {
  if (Buffer.byteLength(text, 'utf8') > ARTICLE_MAX_BYTES) throw tooLarge(field, ARTICLE_MAX_BYTES);
}

type JobSource = Pick<DraftJob, 'kind' | 'body' | 'url' | 'field' | 'fileName'>;

/** A lesson drafted from an article: fetched or uploaded, extracted, checked, drafted, stored. */
export class ArticleDrafts {
  private readonly drafter = new ArticleDrafter();

  constructor(
    private readonly lessons: LessonLibrary,
    private readonly fetchLimits: FetchLimits,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  /** What to read: the fetched page, or the page or text the request carries. */
  private async source(request: DraftRequest): Promise<JobSource> {
    if ('url' in request) {
      const page = await fetchPage(request.url, this.fetchLimits);
      return { kind: page.kind, body: page.body, url: page.url, field: 'url' };
    }
    if ('html' in request) {
      checkSize(request.html, 'html');
      return { kind: 'html', body: request.html, url: null, field: 'html', ...named(request) };
    }
    checkSize(request.text, 'text');
    return { kind: 'text', body: request.text, url: null, field: 'text', ...named(request) };
  }

  /**
   * Drafts a lesson from the article and stores it as the teacher's new, unpublished lesson.
   * Refuses (creating nothing) an article in a language other than English.
   */
  async draft(teacherId: string, request: DraftRequest): Promise<LessonDetail> {
    const source = await this.source(request);
    const answer = await this.drafter.draft({ ...source, today: this.today() });
    if (!answer.ok) {
      const { statusCode, code, message, field } = answer.refusal;
      throw new ApiError(statusCode, code, message, field);
    }
    const { article, language, draft } = answer;
    if (draft === null) {
      throw new UnsupportedLanguageError(source.field, language, {
        title: article.title,
        paragraphs: article.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text),
      });
    }
    return this.lessons.create(teacherId, draft);
  }

  /** Ends the drafter's worker thread. */
  close(): Promise<void> {
    return this.drafter.close();
  }
}

const named = (request: { fileName?: string | undefined }) =>
  request.fileName === undefined ? {} : { fileName: request.fileName };
