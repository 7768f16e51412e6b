import type { ArticleBlock } from '#domain/drafting/article';
import { collapse } from './extract-article';

/**
 * A line at least this long is a whole paragraph, not a wrapped one: text wrapped by hand or by
 * an e-mail program breaks at 72 to 80 characters.
 */
const WRAPPED_LINE_MAX_CHARS = 90;

/** A line that ends a sentence: a full stop, question or exclamation mark, then any closing quotes. */
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/u;

/**
 * A picture's caption as news sites print it, and so as it is copied from their pages: ending in
 * a credit ("… (photo credit: REUTERS)", "(Image: AP)") or starting with one ("Photo: …").
 */
const CAPTION_CREDIT_AT_END =
  /\((?:photo|photograph|image|picture)?\s*(?:credits?|courtesy|source|photo|image)\s*:[^()]*\)$/iu;
const CAPTION_CREDIT_AT_START = /^(?:photo|photograph|image|picture)(?:\s+credits?)?\s*:/iu;

export const isCaption = (line: string) =>
  CAPTION_CREDIT_AT_END.test(line) || CAPTION_CREDIT_AT_START.test(line);

/** A line broken off a longer paragraph: shorter than a paragraph's line, mid-sentence. */
const isWrapped = (line: string) =>
  line.length < WRAPPED_LINE_MAX_CHARS && !ENDS_SENTENCE.test(line);

/**
 * Whether the lines of one blank-line block are a hard-wrapped paragraph (to be joined) rather
 * than paragraphs of one line each, as text copied from a web page comes: most of the lines
 * before the last are short and stop mid-sentence.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  const beforeLast = lines.slice(0, -1);
  return beforeLast.filter(isWrapped).length * 2 > beforeLast.length;
}

/** Shorter than this, a line that starts as the caption does may just share its first words. */
const CAPTION_REPEAT_MIN_CHARS = 20;

/** The caption's words without its credit, or its credit alone. */
const repeatsCaption = (line: string, caption: string) =>
  (line.length >= CAPTION_REPEAT_MIN_CHARS && caption.startsWith(line)) ||
  (isCaption(line) && caption.endsWith(line));

/**
 * The blocks of one blank-line block of plain text (its lines already trimmed, none empty): one
 * paragraph of the joined lines when they are hard-wrapped, else a paragraph per line. A caption
 * line is a caption block either way, and a line that repeats the caption just before it (its
 * text without the credit, or the credit alone, as a copied page often has) is folded into it.
 */
export function plainTextBlocks(lines: readonly string[]): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  const texts = lines.map(collapse).filter((line) => line !== '');
  const joined = isHardWrapped(texts.filter((line) => !isCaption(line)));
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 0) blocks.push({ kind: 'paragraph', text: run.join(' ') });
    run = [];
  };
  for (const line of texts) {
    const previous = run.length === 0 ? blocks.at(-1) : undefined;
    if (previous?.kind === 'caption' && repeatsCaption(line, previous.text)) continue;
    if (isCaption(line)) {
      endRun();
      blocks.push({ kind: 'caption', text: line });
    } else if (joined) {
      run.push(line);
    } else {
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  endRun();
  return blocks;
}
