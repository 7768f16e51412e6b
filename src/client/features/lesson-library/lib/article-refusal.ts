import { unsupportedLanguageResponseSchema } from '#domain/api/lesson-library-contracts';
import { ApiRequestError, describeApiError } from '#shared/lib/api-client';

/**
 * Why an article could not be drafted, in words for the teacher, and what they can do next: the
 * server's message says why (it names the address, the size, the language), and a sentence here
 * says what to try instead. Nothing the teacher typed is dropped by a refusal.
 */

/** The article's text the server found in a language drafting does not handle yet. */
export interface RefusedArticleText {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export type ArticleRefusal =
  | { readonly message: string; readonly offer: null }
  /** Not an article (a paywall stub, a list of links): paste its text instead. */
  | { readonly message: string; readonly offer: 'paste' }
  /** Not in English: start the lesson by hand from the text the server found. */
  | { readonly message: string; readonly offer: 'by-hand'; readonly article: RefusedArticleText };

/** How the article was brought: by its web address or as a file. */
export type ArticleSource = 'url' | 'file';

const NEXT_STEP: Readonly<Record<string, Readonly<Record<ArticleSource, string>>>> = {
  url_refused: {
    url: 'Check the address, or save the page and bring it as a file.',
    file: '',
  },
  fetch_failed: {
    url: 'Check the address and try again, or save the page and bring it as a file.',
    file: '',
  },
  too_large: {
    url: 'Save the article’s text as a .txt file, or paste it.',
    file: 'Save just the article’s text as a .txt file, or paste it.',
  },
  payload_too_large: {
    url: '',
    file: 'Save just the article’s text as a .txt file, or paste it.',
  },
  rate_limited: {
    url: 'Wait a minute, then try again.',
    file: 'Wait a minute, then try again.',
  },
  not_an_article: {
    url: 'If the article is there, copy its text and paste it instead.',
    file: 'If the article is in it, copy its text and paste it instead.',
  },
};

/** A language's name in English ("French"), or null when the code names none. */
export function languageName(code: string): string | null {
  if (code === '' || code === 'und') return null;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    return name ?? null;
  } catch {
    // Not a well-formed language tag: say nothing about it rather than show a code.
    return null;
  }
}

/** The language and text an unsupported_language refusal carries, when it carries them. */
function refusedText(body: unknown): { language: string; article: RefusedArticleText } | null {
  const parsed = unsupportedLanguageResponseSchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

function joinSentences(...parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/** What to show at the field for a failed draft request. */
export function describeArticleRefusal(error: unknown, source: ArticleSource): ArticleRefusal {
  if (!(error instanceof ApiRequestError)) {
    return { message: describeApiError(error), offer: null };
  }
  const { code } = error;
  if (code === 'unsupported_language') {
    const found = refusedText(error.body);
    const name = languageName(found?.language ?? 'und');
    const lead = `Drafting is English-only for now${name ? `, and this article is in ${name}` : ''}.`;
    if (found === null || found.article.paragraphs.length === 0) {
      return {
        message: joinSentences(lead, 'Paste its text to write the lesson by hand.'),
        offer: 'paste',
      };
    }
    return {
      message: joinSentences(lead, 'You can still write the lesson by hand from its text.'),
      offer: 'by-hand',
      article: found.article,
    };
  }
  const message = joinSentences(error.message, NEXT_STEP[code]?.[source] ?? '');
  return code === 'not_an_article' ? { message, offer: 'paste' } : { message, offer: null };
}
