/** Every ASCII character CommonMark (and GitHub's tables and strikethrough) may read as markup. */
const MARKUP = /[\\`*_[\]#|<>&~!]/g;

/**
 * A line of text as a Markdown reader shows it: every character that could be read as markup is
 * backslash-escaped, so what a student typed (`<img src=x onerror=…>`, `&amp;`, `*stars*`,
 * `# title`) shows as typed, never as HTML, an entity, emphasis or a heading; and a line that
 * starts like a list item, a numbered item or a heading underline starts with an escaped mark.
 * Call it per line: it keeps line breaks as they are.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(MARKUP, '\\$&')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}
