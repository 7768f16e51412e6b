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
  readonly sentences: readonly ReadSentence[];
  readonly doc: Doc | null;
}

/** A run of the article: the paragraphs under one heading (or before the first). */
export interface ReadPart {
  readonly heading: string | null;
  readonly paragraphs: readonly ReadParagraph[];
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Each sentence of a paragraph, as the paragraph writes it. */
function readSentences(doc: Doc, paragraph: string): ReadSentence[] {
  const sentences: ReadSentence[] = [];
  doc.sentences().forEach((sentence: View) => {
    const text = sentence.text().trim();
    // Only a sentence found word for word in the paragraph can be quoted.
    if (!text || !paragraph.includes(text)) return;
    const terms = termsOf(sentence);
    sentences.push({
      text,
      words: countWords(text),
      doc: sentence,
      terms,
      cue: findCue(sentence, terms),
    });
  });
  return sentences;
}

function readParagraph(role: ParagraphRole, raw: string): ReadParagraph | null {
  const text = raw.trim();
  if (!text) return null;
  if (role === 'headline' || role === 'byline') {
    return { role, text, words: countWords(text), sentences: [], doc: null };
  }
  const doc = parseText(text);
  return { role, text, words: countWords(text), sentences: readSentences(doc, text), doc };
}

/**
 * The article read once: its headline and byline, then its parts at its headings, each
 * paragraph split into sentences with their cues. Empty blocks are left out.
 */
export function readArticle(article: Article): {
  headline: ReadParagraph | null;
  byline: ReadParagraph | null;
  parts: ReadPart[];
} {
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
    const paragraph = readParagraph(block.kind === 'caption' ? 'caption' : 'body', block.text);
    if (paragraph) current.paragraphs.push(paragraph);
  }
  if (current.paragraphs.length > 0) parts.push(current);
  return {
    headline: readParagraph('headline', article.title),
    byline: article.byline ? readParagraph('byline', article.byline) : null,
    parts,
  };
}
