/**
 * Control characters (tab, line feed and carriage return are ordinary text): C0, DEL and C1,
 * and lone UTF-16 surrogates: text a server must not store (unsafe-text.ts says why and finds
 * them in a value).
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Makes pasted text safe to send: vertical tabs and form feeds (what some word processors copy
 * for a line or page break) become line breaks, other control characters are dropped, and a lone
 * surrogate becomes the replacement character.
 */
export function toSafeText(text: string): string {
  if (!CONTROL_CHARACTER.test(text) && !LONE_SURROGATE.test(text)) return text;
  return (
    text
      // eslint-disable-next-line no-control-regex -- these two control characters are breaks
      .replace(/[\u000B\u000C]/g, '\n')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '')
      .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD')
  );
}
