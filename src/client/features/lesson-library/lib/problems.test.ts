import { describe, expect, it } from 'vitest';
import { type DraftClaimCheck, type DraftForecast, type DraftLesson } from './draft-lesson';
import { readDraft } from './read-draft';
import { newClaim, newItem, newSection } from './new-draft-parts';
import {
  checkAgainstText,
  checkDraft,
  describeFieldPath,
  editorFieldPaths,
  fieldDomId,
  fieldForProblem,
  problemsByField,
} from './problems';
import { completeLessonJson } from './test-lesson';

const lesson = (): DraftLesson => readDraft(completeLessonJson);

/** The draft cut to its first two sections, the second with these items. */
const withSecondSectionItems = (
  draft: DraftLesson,
  items: DraftLesson['sections'][number]['items'],
): DraftLesson => ({
  ...draft,
  sections: [draft.sections[0]!, { ...draft.sections[1]!, items }],
});

describe('field paths', () => {
  it('gives each field an element id of its own', () => {
    expect(fieldDomId('sections[0].summary')).toBe('field-sections-0-summary');
    expect(fieldDomId('')).toBe('field-lesson');
    const ids = [...editorFieldPaths(lesson())].map(fieldDomId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says a path in words', () => {
    expect(describeFieldPath('sections[1].items[0].question')).toBe('Section 2, item 1, question');
    expect(describeFieldPath('sections[2].items[0].scenarios[0].resolution.happened')).toBe(
      'Section 3, item 1, scenario 1, resolution, did it happen',
    );
    expect(describeFieldPath('metadata.source.publication')).toBe('Lesson publication');
    expect(describeFieldPath('glossary[0].definition')).toBe('Glossary term 1, definition');
    expect(describeFieldPath('sections[0].items[1].claims[0].drafted')).toBe(
      'Section 1, item 2, claim 1',
    );
    expect(describeFieldPath('metadata.language')).toBe('Lesson language');
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
    const changed = withSecondSectionItems(draft, [
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
    ]);
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

  it('publishes a forecast about the future: “Not known yet” is no problem', () => {
    const draft = lesson();
    const waiting: DraftLesson = {
      ...draft,
      sections: draft.sections.map((section) => ({
        ...section,
        items: section.items.map((item) =>
          item.kind === 'forecast'
            ? {
                ...item,
                scenarios: item.scenarios.map((s) => ({
                  ...s,
                  resolution: { happened: null, date: '', text: '' },
                })),
              }
            : item,
        ),
      })),
    };
    expect(checkDraft(waiting)).toEqual([]);
  });

  it('names each problem in plain words, without the file’s notation', () => {
    const draft = lesson();
    const forecast = draft.sections[1]!.items[1] as DraftForecast;
    const scenario = forecast.scenarios[0]!;
    const changed = withSecondSectionItems(draft, [
      draft.sections[1]!.items[0]!,
      {
        ...forecast,
        scenarios: [
          // Half a resolution: what happened is said, whether it happened is not.
          { ...scenario, resolution: { ...scenario.resolution, happened: null } },
        ],
      },
    ]);
    const described = checkDraft(changed).map((p) => `${describeFieldPath(p.path)}: ${p.message}`);
    expect(described).toEqual([
      'Section 2, item 2, scenario 1, resolution, did it happen: is missing: it should be true or false',
    ]);
  });
});
