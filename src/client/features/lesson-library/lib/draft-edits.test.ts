import { describe, expect, it } from 'vitest';
import {
  articleParagraphs,
  mergeWithPrevious,
  moveInList,
  moveSection,
  splitSection,
} from './draft-edits';
import { type DraftLesson } from './draft-lesson';
import { EMPTY_ARTICLE_DETAILS, newDraftFromArticle, newItem } from './new-draft-parts';

const details = { ...EMPTY_ARTICLE_DETAILS, title: 'T' };
const article = (): DraftLesson => newDraftFromArticle(details, ['A', 'B', 'C', 'D', 'E']);
const texts = (draft: DraftLesson) => draft.sections.map((s) => s.paragraphs.map((p) => p.text));

describe('moveInList', () => {
  it('moves an entry up or down by one', () => {
    expect(moveInList(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveInList(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the list as it is when the entry cannot move', () => {
    const entries = ['a', 'b'];
    expect(moveInList(entries, 0, -1)).toBe(entries);
    expect(moveInList(entries, 1, 1)).toBe(entries);
    expect(moveInList(entries, 5, -1)).toBe(entries);
  });
});

describe('sections of the article', () => {
  it('starts a section at a paragraph, the rest of the section going with it', () => {
    const split = splitSection(splitSection(article(), 0, 2), 1, 2);
    expect(texts(split)).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
    expect(new Set(split.sections.map((s) => s.id)).size).toBe(3);
  });

  it('does not start a section at a section’s first paragraph or outside it', () => {
    const draft = article();
    expect(splitSection(draft, 0, 0)).toBe(draft);
    expect(splitSection(draft, 0, 5)).toBe(draft);
    expect(splitSection(draft, 3, 1)).toBe(draft);
  });

  it('keeps the items with the first part of a split section', () => {
    const draft = article();
    const withItem = {
      ...draft,
      sections: [{ ...draft.sections[0]!, items: [newItem('scale')] }],
    };
    const split = splitSection(withItem, 0, 3);
    expect(split.sections[0]?.items).toHaveLength(1);
    expect(split.sections[1]?.items).toEqual([]);
  });

  it('lays the sections end to end as the article, each paragraph knowing its section', () => {
    const split = splitSection(article(), 0, 3);
    expect(
      articleParagraphs(split).map((p) => [p.text, p.index, p.sectionIndex, p.indexInSection]),
    ).toEqual([
      ['A', 0, 0, 0],
      ['B', 1, 0, 1],
      ['C', 2, 0, 2],
      ['D', 3, 1, 0],
      ['E', 4, 1, 1],
    ]);
  });

  it('joins a section to the one before without losing its items, summary or notes', () => {
    const split = splitSection(article(), 0, 3);
    const [first, second] = split.sections;
    const draft: DraftLesson = {
      ...split,
      sections: [
        {
          ...first!,
          title: 'One',
          summary: 'First.',
          items: [newItem('prompt')],
          teacherNotes: ['n1'],
        },
        {
          ...second!,
          title: 'Two',
          summary: 'Second.',
          items: [newItem('poll')],
          teacherNotes: ['n2'],
        },
      ],
    };
    const merged = mergeWithPrevious(draft, 1);
    expect(merged.sections).toHaveLength(1);
    const [section] = merged.sections;
    expect(section?.title).toBe('One');
    expect(section?.paragraphs.map((p) => p.text)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(section?.items.map((i) => i.kind)).toEqual(['prompt', 'poll']);
    expect(section?.summary).toBe('First.\n\nSecond.');
    expect(section?.teacherNotes).toEqual(['n1', 'n2']);
    expect(mergeWithPrevious(draft, 0)).toBe(draft);
  });

  it('moves a section with its paragraphs', () => {
    const split = splitSection(splitSection(article(), 0, 2), 1, 2);
    expect(texts(moveSection(split, 2, -1))).toEqual([['A', 'B'], ['E'], ['C', 'D']]);
    expect(texts(moveSection(split, 0, -1))).toEqual(texts(split));
  });
});
