import type { Article } from './article';
import { findCue, type ClaimCue } from './claim-cues';
import { parseText, termsOf, type Doc, type TermJson, type View } from './nlp';

/** How a paragraph of the lesson is shown (the lesson format's paragraph roles). */
export type ParagraphRole = 'headline' | 'byline' | 'caption' | 'body';

export interface ReadSentence {
  /** Verbatim, a substring of its paragraph. */
  readonly text: string;
  readonly words: number;
  readonly doc: View;
  readonly terms: readonly TermJson[];
  /** What decides its category, or null when nothing in it is a cue. */
  readonly cue: ClaimCue | null;
}

export interface ReadParagraph {
  readonly role: ParagraphRole;
  readonly text: string;
  readonly words: number;
  /** Only for body paragraphs and captions: the headline and byline are not claims. */
  readonly sentences: ReadSentence[];
}

/** A run of the article: the paragraphs under one heading (or before the first). */
export interface ReadPart {
  readonly heading: string | null;
  readonly paragraphs: readonly ReadParagraph[];
}

export interface ReadArticle {
  readonly headline: ReadParagraph | null;
  readonly byline: ReadParagraph | null;
  readonly parts: readonly ReadPart[];
  /** The paragraphs and captions parsed as one text (null when there are none). */
  readonly doc: Doc | null;
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** A sentence that ends in a question mark, inside quotation marks or brackets or not. */
export const isQuestion = (text: string) => /\?[\s"”’')\]]*$/u.test(text);

function plainParagraph(role: ParagraphRole, raw: string): ReadParagraph | null {
  const text = raw.trim();
  return text ? { role, text, words: countWords(text), sentences: [] } : null;
}

/**
 * Gives each sentence of the parsed text to the paragraph that holds it, in order. compromise
 * ends a sentence at a blank line, so each sentence lies in one paragraph; one that does not
 * (or is not found word for word) cannot be quoted and is left out.
 */
function placeSentences(doc: Doc, paragraphs: readonly ReadParagraph[]): void {
  let index = 0;
  let cursor = 0;
  doc.sentences().forEach((sentence: View) => {
    const text = sentence.text().trim();
    if (!text) return;
    for (let k = index; k < paragraphs.length; k += 1) {
      const at = paragraphs[k]!.text.indexOf(text, k === index ? cursor : 0);
      if (at < 0) continue;
      index = k;
      cursor = at + text.length;
      const terms = termsOf(sentence);
      paragraphs[k]!.sentences.push({
        text,
        words: countWords(text),
        doc: sentence,
        terms,
        // A question asks rather than claims or predicts: it is neither a claim nor a scenario.
        cue: isQuestion(text) ? null : findCue(sentence, terms),
      });
      return;
    }
  });
}

/**
 * The article read once: its headline and byline, then its parts at its headings, each
 * paragraph split into sentences with their cues. Empty blocks are left out. The paragraphs are
 * parsed as one text: compromise costs less once than paragraph by paragraph.
 */
export function readArticle(article: Article): ReadArticle {
  const parts: ReadPart[] = [];
  let current: { heading: string | null; paragraphs: ReadParagraph[] } = {
    heading: null,
    paragraphs: [],
  };
  for (const block of article.blocks) {
    if (block.kind === 'heading') {
      const heading = block.text.trim();
      if (!heading) continue;
      if (current.paragraphs.length > 0) parts.push(current);
      // A heading with nothing under it before the next one gives way to the next.
      current = { heading, paragraphs: [] };
      continue;
    }
    const paragraph = plainParagraph(block.kind === 'caption' ? 'caption' : 'body', block.text);
    if (paragraph) current.paragraphs.push(paragraph);
  }
  if (current.paragraphs.length > 0) parts.push(current);
  const paragraphs = parts.flatMap((part) => part.paragraphs);
  const doc = paragraphs.length > 0 ? parseText(paragraphs.map((p) => p.text).join('\n\n')) : null;
  if (doc) placeSentences(doc, paragraphs);
  return {
    headline: plainParagraph('headline', article.title),
    byline: article.byline ? plainParagraph('byline', article.byline) : null,
    parts,
    doc,
  };
}
