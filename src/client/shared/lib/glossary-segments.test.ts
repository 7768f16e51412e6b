import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '#domain/lesson/lesson-schema';
import { segmentParagraphs } from './glossary-segments';

const sanctions: GlossaryTerm = {
  id: 'sanctions',
  term: 'Sanctions',
  matches: ['sanctions'],
  definition: 'Penalties.',
};
const deal: GlossaryTerm = {
  id: 'deal',
  term: 'The 2015 nuclear deal',
  matches: ['nuclear deal', '2015 nuclear deal'],
  definition: 'An agreement.',
};

describe('segmentParagraphs', () => {
  it('marks a term at its first appearance in the section only', () => {
    const [first, second] = segmentParagraphs(
      [{ text: 'Harsh sanctions hurt.' }, { text: 'More sanctions.' }],
      [sanctions],
    );
    expect(first).toEqual([
      { kind: 'text', text: 'Harsh ' },
      { kind: 'term', text: 'sanctions', term: sanctions },
      { kind: 'text', text: ' hurt.' },
    ]);
    expect(second).toEqual([{ kind: 'text', text: 'More sanctions.' }]);
  });

  it('prefers the longest form starting at the same place, and keeps the text whole', () => {
    const text = 'Over the 2015 nuclear deal and sanctions';
    const [segments] = segmentParagraphs([{ text }], [deal, sanctions]);
    expect(segments?.map((s) => s.text).join('')).toBe(text);
    expect(segments?.filter((s) => s.kind === 'term').map((s) => s.text)).toEqual([
      '2015 nuclear deal',
      'sanctions',
    ]);
  });

  it('leaves a paragraph without terms as one text segment', () => {
    expect(segmentParagraphs([{ text: 'Plain.' }], [deal])).toEqual([
      [{ kind: 'text', text: 'Plain.' }],
    ]);
  });
});
