import { describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '#domain/api/errors';
import { ApiRequestError, NetworkError } from '#shared/lib/api-client';
import { describeArticleRefusal, languageName } from './article-refusal';

function refusal(code: ApiErrorCode, message: string, extra: Record<string, unknown> = {}) {
  const body = { error: { code, message, field: 'url', ...extra } };
  return new ApiRequestError(422, code, message, 'url', body);
}

describe('describeArticleRefusal', () => {
  it('gives the server’s reason with what to try next', () => {
    const error = refusal('url_refused', 'The address points into a private network.');
    expect(describeArticleRefusal(error, 'url')).toEqual({
      message:
        'The address points into a private network. Check the address, or save the page and bring it as a file.',
      offer: null,
    });
  });

  it('offers to paste the text of a page that is not an article', () => {
    const error = refusal('not_an_article', 'The page has too little text to be an article.');
    expect(describeArticleRefusal(error, 'url')).toEqual({
      message:
        'The page has too little text to be an article. If the article is there, copy its text and paste it instead.',
      offer: 'paste',
    });
  });

  it('says drafting is English-only and offers the text found to start by hand', () => {
    const error = refusal('unsupported_language', 'The article is in French.', {
      language: 'fr',
      article: { title: 'Le titre', paragraphs: ['Premier.', 'Second.'] },
    });
    expect(describeArticleRefusal(error, 'file')).toEqual({
      message:
        'Drafting is English-only for now, and this article is in French. You can still write the lesson by hand from its text.',
      offer: 'by-hand',
      article: { title: 'Le titre', paragraphs: ['Premier.', 'Second.'] },
    });
  });

  it('offers paste when a foreign-language refusal carries no text', () => {
    const error = refusal('unsupported_language', 'Not English.', { language: 'und' });
    expect(describeArticleRefusal(error, 'url')).toEqual({
      message: 'Drafting is English-only for now. Paste its text to write the lesson by hand.',
      offer: 'paste',
    });
  });

  it('keeps the server’s message for other refusals, and says when there was no answer', () => {
    expect(describeArticleRefusal(refusal('invalid_input', 'Give a url.'), 'url')).toEqual({
      message: 'Give a url.',
      offer: null,
    });
    expect(describeArticleRefusal(refusal('rate_limited', 'Too many drafts.'), 'file')).toEqual({
      message: 'Too many drafts. Wait a minute, then try again.',
      offer: null,
    });
    expect(describeArticleRefusal(new NetworkError(new Error('down')), 'url')).toEqual({
      message: 'The server could not be reached. Check your connection.',
      offer: null,
    });
  });
});

describe('languageName', () => {
  it('names a language in English, and nothing for an unknown one', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('und')).toBeNull();
    expect(languageName('not a tag!')).toBeNull();
  });
});
