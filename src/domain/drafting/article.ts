/**
 * An article as the server extracts it (from a web page, an uploaded file or pasted text), the
 * input of the drafter. Every text is the article's own words, whitespace collapsed.
 */
export type ArticleBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'caption'; text: string };

export interface Article {
  /** The article's headline. */
  title: string;
  /** As the article gives it, e.g. "By Jane Doe". */
  byline: string | null;
  /** The publication. */
  siteName: string | null;
  /** An ISO date, YYYY-MM-DD, when known. */
  published: string | null;
  /** The source link (http or https), kept in metadata.source.url. */
  url: string | null;
  /** ISO 639-1 ("en"), or "und" when unknown. */
  language: string;
  /** In reading order, text verbatim (whitespace collapsed). */
  blocks: ArticleBlock[];
}
