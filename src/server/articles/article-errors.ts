import { ApiError } from '../lib/api-error';

/** Where an article came from: the request field named in a refusal. */
export type ArticleField = 'url' | 'html' | 'text';

/** The address may not be fetched: not http(s), or it leads into a private network. */
export function urlRefused(why: string): ApiError {
  return new ApiError(422, 'url_refused', `This address cannot be fetched: ${why}.`, 'url');
}

/** The site could not be reached or did not answer with a page. */
export function fetchFailed(why: string): ApiError {
  return new ApiError(502, 'fetch_failed', `The page could not be fetched: ${why}.`, 'url');
}

export function tooLarge(field: ArticleField, maxBytes: number): ApiError {
  const what = field === 'url' ? 'The page' : 'The file';
  return new ApiError(
    413,
    'too_large',
    `${what} is larger than ${maxBytes / (1024 * 1024)} MB: copy the article's text and paste it instead.`,
    field,
  );
}

/** Nothing to draft from: too little text, a paywall, or not a page at all. */
export function notAnArticle(field: ArticleField, why: string): ApiError {
  return new ApiError(
    422,
    'not_an_article',
    `No article was found: ${why}. Copy the article's text and paste it instead.`,
    field,
  );
}

/** An article longer than a lesson is drafted from. */
export function tooLong(field: ArticleField, words: number, maxWords: number): ApiError {
  return new ApiError(
    413,
    'too_large',
    `The article has ${words.toLocaleString('en')} words: a lesson is drafted from at most ${maxWords.toLocaleString('en')}. Paste the part you want to discuss instead.`,
    field,
  );
}
