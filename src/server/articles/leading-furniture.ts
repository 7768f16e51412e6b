import type { ArticleBlock } from '#domain/drafting/article';

/**
 * A news page's header often sits inside its <article>: a kicker ("City Hall"), the headline
 * again, the byline and the date. Readability keeps them as paragraphs, and the drafter would
 * then open the lesson with them. They are dropped here, only before the first real paragraph:
 * a short paragraph later in the text is the author's.
 */

/** A kicker or label: a few words without a sentence's punctuation. */
const KICKER_MAX_WORDS = 4;
/** A byline is a name or two, perhaps with a role: "By Dana Whitfield and Lee Park, staff". */
const BYLINE_MAX_WORDS = 10;

const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
const WEEKDAYS =
  'mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday';
/** The words a dateline is made of: months, weekdays, numbers, times, "published"/"updated". */
const DATE_WORD = new RegExp(
  `^(?:${MONTHS}|${WEEKDAYS}|\\d{1,4}(?:st|nd|rd|th)?|\\d{1,2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|a\\.?m|p\\.?m|utc|gmt|[ecmp][sd]?t|published|updated|posted|on|at)$`,
  'u',
);

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
const wordsOf = (text: string) => normal(text).split(' ').filter(Boolean);

function isDateOnly(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/[\s,|·•–—]+/u)
    .map((word) => word.replace(/^[([]+|[.)\]]+$/gu, ''))
    .filter(Boolean);
  return (
    words.length > 0 && words.some((w) => /\d/u.test(w)) && words.every((w) => DATE_WORD.test(w))
  );
}

function isByline(text: string, byline: string | null): boolean {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > BYLINE_MAX_WORDS) return false;
  const name = byline ? normal(byline).replace(/^by /u, '') : null;
  const withoutBy = words[0] === 'by' ? words.slice(1).join(' ') : words.join(' ');
  if (name && withoutBy === name) return true;
  // "By Dana Whitfield": "by" and capitalised words, no sentence after them.
  return (
    /^by\s+\p{Lu}/u.test(text.trim()) &&
    !/[.!?]\s+\p{Lu}/u.test(text) &&
    !/[.!?;]$/u.test(text.trim())
  );
}

const isKicker = (text: string) =>
  wordsOf(text).length <= KICKER_MAX_WORDS && !/[.!?;:]/u.test(text);

/** Whether a block before the first real paragraph is page furniture, not the article's text. */
function isFurniture(block: ArticleBlock, title: string, byline: string | null): boolean {
  if (normal(block.text) === normal(title)) return true;
  if (block.kind !== 'paragraph') return false;
  return isByline(block.text, byline) || isDateOnly(block.text) || isKicker(block.text);
}

/** The blocks without the page header's kicker, headline, byline and date before the text. */
export function withoutLeadingFurniture(
  blocks: readonly ArticleBlock[],
  { title, byline }: { title: string; byline: string | null },
): ArticleBlock[] {
  const kept: ArticleBlock[] = [];
  let started = false;
  for (const block of blocks) {
    if (!started && isFurniture(block, title, byline)) continue;
    if (block.kind === 'paragraph') started = true;
    kept.push(block);
  }
  return kept;
}
