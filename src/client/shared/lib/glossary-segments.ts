import type { GlossaryTerm, Paragraph } from '#domain/lesson/lesson-schema';

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'term'; readonly text: string; readonly term: GlossaryTerm };

interface Match {
  readonly start: number;
  readonly end: number;
  readonly term: GlossaryTerm;
}

function findFirstMatch(text: string, term: GlossaryTerm): Match | null {
  let best: Match | null = null;
  for (const form of term.matches) {
    const start = text.indexOf(form);
    if (start === -1) continue;
    if (!best || start < best.start || (start === best.start && form.length > best.end - start)) {
      best = { start, end: start + form.length, term };
    }
  }
  return best;
}

/**
 * Splits a section's paragraphs into plain text and glossary terms, marking each term at its
 * first appearance in the section only, so the text does not turn into a wall of buttons.
 */
export function segmentParagraphs(
  paragraphs: readonly Paragraph[],
  glossary: readonly GlossaryTerm[],
): Segment[][] {
  const marked = new Set<string>();
  return paragraphs.map((paragraph) => {
    const matches: Match[] = [];
    for (const term of glossary) {
      if (marked.has(term.id)) continue;
      const match = findFirstMatch(paragraph.text, term);
      if (!match) continue;
      const overlaps = matches.some((m) => match.start < m.end && m.start < match.end);
      if (overlaps) continue;
      matches.push(match);
      marked.add(term.id);
    }
    matches.sort((a, b) => a.start - b.start);
    const segments: Segment[] = [];
    let cursor = 0;
    for (const match of matches) {
      if (match.start > cursor) {
        segments.push({ kind: 'text', text: paragraph.text.slice(cursor, match.start) });
      }
      segments.push({
        kind: 'term',
        text: paragraph.text.slice(match.start, match.end),
        term: match.term,
      });
      cursor = match.end;
    }
    if (cursor < paragraph.text.length) {
      segments.push({ kind: 'text', text: paragraph.text.slice(cursor) });
    }
    return segments;
  });
}
