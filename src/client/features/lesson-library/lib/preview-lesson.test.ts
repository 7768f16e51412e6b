import { describe, expect, it } from 'vitest';
import { readDraft } from './read-draft';
import { toLessonJson } from './lesson-json';
import { newItem } from './new-draft-parts';
import { previewItem, previewLesson } from './preview-lesson';
import { completeLessonJson } from './test-lesson';

describe('the preview of a draft', () => {
  it('shows a complete lesson’s items exactly as the lesson has them', () => {
    const draft = readDraft(completeLessonJson);
    const items = draft.sections.flatMap((s) => s.items.map(previewItem));
    const written = draft.sections.flatMap(
      (_, s) => (toLessonJson(draft).sections as { items: unknown[] }[])[s]!.items,
    );
    expect(items).toEqual(written);
  });

  it('shows an unfinished item as far as it goes', () => {
    const item = previewItem(newItem('claimCheck'));
    expect(item).toMatchObject({ kind: 'claimCheck', instructions: '' });
    const forecast = previewItem(newItem('forecast'));
    // A new scenario is not known yet: it previews unresolved, as the lesson will read.
    expect(forecast.kind === 'forecast' && forecast.scenarios[0]).toMatchObject({ statement: '' });
    expect(forecast.kind === 'forecast' && forecast.scenarios[0]?.resolution).toBeUndefined();
  });

  it('names the source and leaves out empty paragraphs and terms', () => {
    const draft = readDraft(completeLessonJson);
    const preview = previewLesson({
      ...draft,
      glossary: [...draft.glossary, { id: 'x', term: ' ', matches: [], definition: '' }],
    });
    expect(preview.source).toBe('NASA, NASA news release, 2022-07-11');
    expect(preview.glossary.map((t) => t.matches)).toEqual([['galaxy cluster'], ['billion years']]);
  });
});
