/**
 * An article pasted as text, cut into paragraphs. Text with blank lines is cut at them (a
 * paragraph's own line breaks, as in hard-wrapped text, become spaces); text without any blank
 * line is cut at every line break, as a copy from a web page usually has one line per paragraph.
 * Each paragraph is trimmed and its runs of blanks made single spaces; empty ones are dropped.
 */
export function detectParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const hasBlankLine = /\n[^\S\n]*\n/.test(normalised.trim());
  const pieces = hasBlankLine ? normalised.split(/\n[^\S\n]*\n/) : normalised.split('\n');
  return pieces.map((piece) => piece.replace(/\s+/g, ' ').trim()).filter((piece) => piece !== '');
}
