import { describe, expect, it } from 'vitest';
import {
  newClaim,
  newItem,
  newSection,
  readDraft,
  type DraftClaimCheck,
  type DraftLesson,
} from './draft-lesson';
import {
  checkAgainstText,
  checkDraft,
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

  it('names a claim quote that is not in the article word for word, case aside', () => {
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
                'More images will follow!',
                'more IMAGES will follow',
                // In another section of the article: still in the article.
                'galaxy cluster SMACS 0723',
                '',
              ].map((quote) => ({ ...claims.claims[0]!, quote })),
            },
          ],
        },
      ],
    };
    expect(checkAgainstText(changed)).toEqual([
      {
        path: 'sections[1].items[0].claims[0].quote',
        message: 'is not in the article: quote its words exactly.',
      },
    ]);
  });

  it('names a glossary form that is not in the article, or the term given without forms', () => {
    const draft = lesson();
    const changed: DraftLesson = {
      ...draft,
      glossary: [
        { ...draft.glossary[0]!, term: 'galaxy clusters' },
        { ...draft.glossary[1]!, matches: ['billion years', 'light years'] },
      ],
    };
    const problems = checkAgainstText(changed);
    expect(problems.map((p) => p.path)).toEqual([
      'glossary[0].matches[0]',
      'glossary[1].matches[1]',
    ]);
    expect(problems[1]?.message).toBe(
      '"light years" is not in the article: a glossary term must be a word of the text.',
    );
    const checked = checkDraft(changed).map((p) => p.path);
    expect(checked).toContain('glossary[0].term');
    expect(checked).toContain('glossary[1].matches[1]');
  });
});

describe('checkDraft', () => {
  it('lists what the server would refuse, with the article’s problems at once', () => {
    const draft = readDraft({});
    const problems = checkDraft({
      ...draft,
      sections: [
        {
          ...newSection([{ text: 'Some words.' }]),
          items: [
            {
              ...newItem('claimCheck'),
              claims: [{ ...newClaim('Other words'), expected: 'fact' }],
            } as DraftClaimCheck,
          ],
        },
      ],
    });
    const paths = problems.map((p) => p.path);
    expect(paths).toContain('metadata.title');
    expect(paths).toContain('sections[0].title');
    expect(paths).toContain('sections[0].items[0].claims[0].quote');
  });

  it('finds nothing wrong with a complete lesson', () => {
    expect(checkDraft(lesson())).toEqual([]);
  });
});
