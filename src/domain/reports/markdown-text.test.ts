import { describe, expect, it } from 'vitest';
import { escapeMarkdownText } from './markdown-text';

describe('escapeMarkdownText', () => {
  it('keeps HTML a student typed as text', () => {
    expect(escapeMarkdownText('<img src=x onerror=alert(1)>')).toBe(
      '\\<img src=x onerror=alert(1)\\>',
    );
  });

  it('keeps a typed entity as typed: a reader shows "&amp;", not "&"', () => {
    expect(escapeMarkdownText('Tom &amp; Jerry & co &#60;')).toBe(
      'Tom \\&amp; Jerry \\& co \\&\\#60;',
    );
  });

  it('escapes emphasis, links, code, tables and a backslash itself', () => {
    expect(escapeMarkdownText('*a* _b_ [c](d) `e` |f| ~~g~~ \\h ![i]')).toBe(
      '\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\|f\\| \\~\\~g\\~\\~ \\\\h \\!\\[i\\]',
    );
  });

  it('keeps a line from starting a heading, a list, a numbered item or an underline', () => {
    expect(escapeMarkdownText('# Title\n- one\n+ two\n 3. three\n4) four\n===\n---')).toBe(
      '\\# Title\n\\- one\n\\+ two\n 3\\. three\n4\\) four\n\\===\n\\---',
    );
  });

  it('leaves ordinary text alone', () => {
    expect(escapeMarkdownText('It was a gamble, 50-50; maybe.')).toBe(
      'It was a gamble, 50-50; maybe.',
    );
  });
});
