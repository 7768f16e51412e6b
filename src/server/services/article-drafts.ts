import { randomBytes } from 'node:crypto';
import type { ApiErrorBody, ArticleText } from '#domain/api/errors';
import {
  ARTICLE_MAX_BYTES,
  type LessonDetail,
  type draftFromArticleRequestSchema,
} from '#domain/api/lesson-library-contracts';
import type { Article } from '#domain/drafting/article';
import { draftLesson } from '#domain/drafting/draft-lesson';
import type { z } from 'zod';
import { detectLanguage, languageName } from '../articles/article-language';
import { tooLarge, type ArticleField } from '../articles/article-errors';
import { extractArticle, type ExtractedArticle } from '../articles/extract-article';
import { fetchPage, type FetchLimits } from '../articles/safe-fetch';
import { articleFromText } from '../articles/text-article';
import { wordRank } from '../articles/word-rank';
import { ApiError } from '../lib/api-error';
import type { LessonLibrary } from './lesson-library';

type DraftRequest = z.output<typeof draftFromArticleRequestSchema>;

/** The only language the drafter reads for now (its cues and word lists are English). */
const DRAFTED_LANGUAGE = 'en';

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

const paragraphsOf = (article: ExtractedArticle) =>
  article.blocks.filter((block) => block.kind === 'paragraph').map((block) => block.text);

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

function checkSize(text: string, field: ArticleField): void {
  if (Buffer.byteLength(text, 'utf8') > ARTICLE_MAX_BYTES) throw tooLarge(field, ARTICLE_MAX_BYTES);
}

/** A lesson drafted from an article: fetched or uploaded, extracted, checked, drafted, stored. */
export class ArticleDrafts {
  constructor(
    private readonly lessons: LessonLibrary,
    private readonly fetchLimits: FetchLimits,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  /** The article of a request, with the field its refusals name. */
  private async read(request: DraftRequest): Promise<[ExtractedArticle, ArticleField]> {
    if ('url' in request) {
      const page = await fetchPage(request.url, this.fetchLimits);
      const article =
        page.kind === 'html'
          ? extractArticle(page.body, { url: page.url, field: 'url' })
          : articleFromText(page.body, { url: page.url, field: 'url' });
      return [article, 'url'];
    }
    if ('html' in request) {
      checkSize(request.html, 'html');
      const article = extractArticle(request.html, {
        url: null,
        field: 'html',
        fileName: request.fileName,
      });
      return [article, 'html'];
    }
    checkSize(request.text, 'text');
    return [articleFromText(request.text, { field: 'text', fileName: request.fileName }), 'text'];
  }

  /**
   * Drafts a lesson from the article and stores it as the teacher's new, unpublished lesson.
   * Refuses (creating nothing) an article in a language other than English.
   */
  async draft(teacherId: string, request: DraftRequest): Promise<LessonDetail> {
    const [extracted, field] = await this.read(request);
    const language = detectLanguage(paragraphsOf(extracted).join('\n'));
    if (language !== DRAFTED_LANGUAGE) {
      throw new UnsupportedLanguageError(field, language, {
        title: extracted.title,
        paragraphs: paragraphsOf(extracted),
      });
    }
    const article: Article = { ...extracted, language };
    const draft = draftLesson(article, {
      lessonId: lessonIdFor(article.title),
      today: this.today(),
      wordRank,
    });
    return this.lessons.create(teacherId, draft);
  }
}
