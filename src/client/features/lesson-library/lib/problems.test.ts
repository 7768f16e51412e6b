import { describe, expect, it } from 'vitest';
import { readDraft, type DraftClaimCheck, type DraftLesson } from './draft-lesson';
import {
  checkAgainstText,
  describeFieldPath,
  editorFieldPaths,
  fieldDomId,
  fieldForProblem,
  parseFieldPath,
  problemsByField,
} from './problems';
import { completeLessonJson } from './test-lesson';

const lesson = (): DraftLesson => readDraft(completeLessonJson);

describe('field paths', () => {
  it('reads a path into its parts, quoted keys included', () => {
    expect(parseFieldPath('sections[2].items[0].guidance.minWords')).toEqual([
      'sections',
      2,
      'items',
      0,
      'guidance',
      'minWords',
    ]);
    expect(parseFieldPath('')).toEqual([]);
    expect(parseFieldPath('metadata["odd key"]')).toEqual(['metadata', 'odd key']);
  });

  it('gives each field an element id of its own', () => {
    expect(fieldDomId('sections[0].summary')).toBe('field-sections-0-summary');
    expect(fieldDomId('')).toBe('field-lesson');
    const ids = [...editorFieldPaths(lesson())].map(fieldDomId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says a path in words', () => {
    expect(describeFieldPath('sections[1].items[0].question')).toBe('Section 2, item 1, question');
    expect(describeFieldPath('metadata.source.publication')).toBe('Lesson publication');
    expect(describeFieldPath('glossary[0].definition')).toBe('Glossary term 1, definition');
    expect(describeFieldPath('sections[0].minutes.core')).toBe('Section 1, minutes, core');
    expect(describeFieldPath('')).toBe('The lesson');
  });
});

describe('a problem beside its field', () => {
  const fields = editorFieldPaths(lesson());

  it('goes beside the field of its own path', () => {
    expect(fieldForProblem('sections[1].items[1].scenarios[0].resolution.date', fields)).toBe(
      'sections[1].items[1].scenarios[0].resolution.date',
    );
    expect(fieldForProblem('metadata.source.url', fields)).toBe('metadata.source.url');
  });

  it('goes beside the nearest field holding it when its own is not shown', () => {
    expect(fieldForProblem('sections[0].items[1].id', fields)).toBe('sections[0].items[1]');
    expect(fieldForProblem('sections[0].paragraphs[1].text', fields)).toBe(
      'sections[0].paragraphs',
    );
    expect(fieldForProblem('sections[0].items[1].options[1].id', fields)).toBe(
      'sections[0].items[1].options',
    );
    expect(fieldForProblem('schemaVersion', fields)).toBe('');
    expect(fieldForProblem('sections[9].title', fields)).toBe('sections');
  });

  it('groups problems by field, each once', () => {
    const grouped = problemsByField(
      [
        { path: 'sections[0].id', message: 'duplicate id' },
        { path: 'sections[0].id', message: 'duplicate id' },
        { path: 'sections[0].title', message: 'must not be empty' },
      ],
      fields,
    );
    expect(grouped.get('sections[0]')).toEqual([
      { path: 'sections[0].id', message: 'duplicate id' },
    ]);
    expect(grouped.get('sections[0].title')).toHaveLength(1);
  });
});

describe('what the text must hold', () => {
  it('finds nothing wrong in a lesson whose quotes and terms are in its text', () => {
    expect(checkAgainstText(lesson())).toEqual([]);
  });

  it('names a claim quote that is not word for word in its own section', () => {
    const draft = lesson();
    const claims = draft.sections[1]!.items[0] as DraftClaimCheck;
    const changed: DraftLesson = {
      ...draft,
      sections: [
        draft.sections[0]!,
        {
          ...draft.sections[1]!,
          items: [
            {
              ...claims,
              claims: [
                { ...claims.claims[0]!, quote: 'More images will follow!' },
                // In the article, but in another section.
                { ...claims.claims[0]!, quote: 'galaxy cluster SMACS 0723' },
              ],
            },
          ],
        },
      ],
    };
    expect(checkAgainstText(changed).map((p) => p.path)).toEqual([
      'sections[1].items[0].claims[0].quote',
      'sections[1].items[0].claims[1].quote',
    ]);
  });

  it('names a glossary term or form that is not in the article', () => {
    const draft = lesson();
    const changed: DraftLesson = {
      ...draft,
      glossary: [
        { ...draft.glossary[0]!, term: 'Galaxy cluster' },
        { ...draft.glossary[1]!, matches: ['billion years', 'light years'] },
      ],
    };
    const problems = checkAgainstText(changed);
    expect(problems.map((p) => p.path)).toEqual(['glossary[0].term', 'glossary[1].matches']);
    expect(problems[1]?.message).toBe('"light years" does not occur in the article');
  });
});
