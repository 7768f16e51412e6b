import { describe, expect, it } from 'vitest';
import { LESSON_SCHEMA_VERSION } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import {
  DRAFT_SCHEMA_VERSION,
  type DraftForecast,
  type DraftItem,
  type DraftItemKind,
  type DraftLesson,
  type DraftRubricCriterion,
  type DraftWriting,
} from './draft-lesson';
import { readDraft } from './read-draft';
import { toLessonJson } from './lesson-json';
import { newDraftFromArticle, newItem } from './new-draft-parts';
import { completeLessonJson } from './test-lesson';

/** The draft with the item of the same id replaced. */
const replaceItem = (draft: DraftLesson, changed: DraftItem): DraftLesson => ({
  ...draft,
  sections: draft.sections.map((section) => ({
    ...section,
    items: section.items.map((item) => (item.id === changed.id ? changed : item)),
  })),
});

describe('the draft and the lesson-shaped JSON', () => {
  it('reads a complete lesson and writes it back the same, field for field', () => {
    expect(toLessonJson(readDraft(completeLessonJson))).toEqual(completeLessonJson);
    // The copy kept on this device is the editor's own shape: it reads back whole too.
    const draft = readDraft(completeLessonJson);
    expect(readDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it('keeps a criterion’s levels as lines, and writes them without the blank ones', () => {
    const draft = readDraft(completeLessonJson);
    const writing = draft.sections
      .flatMap((section) => section.items)
      .find((item): item is DraftWriting => item.kind === 'writing');
    if (!writing) throw new Error('the test lesson has no writing task');
    expect(writing.rubric.map((c) => c.levels)).toStrictEqual([
      ['States a view', 'Gives one reason', 'Weighs reasons on both sides'],
      [],
    ]);
    const [leveled, plain] = writing.rubric as [DraftRubricCriterion, DraftRubricCriterion];
    const typed: DraftWriting = {
      ...writing,
      rubric: [
        { ...leveled, levels: ['Names one', '', 'Weighs two', ' '] },
        { ...plain, levels: [''] },
      ],
    };
    const json = JSON.stringify(toLessonJson(replaceItem(draft, typed)));
    expect(json).toContain('"levels":["Names one","Weighs two"]');
    expect(json.match(/"levels"/g)).toHaveLength(1);
  });

  it('reads the shipped lesson and writes it back the same', () => {
    expect(toLessonJson(readDraft(soleimaniLesson))).toEqual(soleimaniLesson);
  });

  it('reads a draft saved before version 3: the author’s view becomes the lesson’s reading', () => {
    const json = structuredClone(completeLessonJson) as unknown as {
      sections: { items: { kind: string; scenarios?: Record<string, unknown>[] }[] }[];
    };
    const scenario = json.sections
      .flatMap((section) => section.items)
      .find((item) => item.kind === 'forecast')?.scenarios?.[0];
    if (!scenario) throw new Error('the test lesson has no forecast');
    scenario.authorView = { probability: 35, basis: 'Said so.' };
    delete scenario.lessonReading;
    const forecast = readDraft(json)
      .sections.flatMap((section) => section.items)
      .find((item): item is DraftForecast => item.kind === 'forecast');
    expect(forecast?.scenarios[0]?.lessonReading).toStrictEqual({
      probability: 35,
      reason: 'Said so.',
    });
  });

  it('leaves the reading out when neither probability nor reason is given: no view', () => {
    const forecast = newItem('forecast') as DraftForecast;
    expect(forecast.scenarios[0]?.lessonReading).toStrictEqual({ probability: null, reason: '' });
    const draft = readDraft(completeLessonJson);
    const first = draft.sections[0];
    if (!first) throw new Error('the test lesson has no section');
    expect(JSON.stringify(toLessonJson(draft))).toContain('"lessonReading"');
    const written = toLessonJson({ ...draft, sections: [{ ...first, items: [forecast] }] });
    expect(JSON.stringify(written)).not.toContain('lessonReading');
  });

  it('writes the lesson format’s current version (a new version needs the editor changed too)', () => {
    expect(DRAFT_SCHEMA_VERSION).toBe(LESSON_SCHEMA_VERSION);
  });

  it('writes the fields in the schema’s order, as an exported file has them', () => {
    const json = toLessonJson(readDraft(completeLessonJson));
    expect(JSON.stringify(json)).toBe(JSON.stringify(completeLessonJson));
  });

  it('reads any JSON without failing, every field present and empty', () => {
    for (const value of [null, 3, 'text', [], { sections: 'no' }, { sections: [{ items: [7] }] }]) {
      const draft = readDraft(value);
      expect(draft.metadata.title).toBe('');
      expect(Array.isArray(draft.sections)).toBe(true);
      expect(draft.glossary).toEqual([]);
    }
    const draft = readDraft({ sections: [{ items: [{ kind: 'unknown' }, { kind: 'scale' }] }] });
    expect(draft.sections[0]?.items.map((i) => i.kind)).toEqual(['scale']);
    // A draft from before version 6 of the format has no language: it was written in English.
    expect(draft.metadata.language).toBe('en');
    expect(readDraft({ metadata: { language: 'fr' } }).metadata.language).toBe('fr');
  });

  it('leaves out empty optional fields and unknown outcomes, keeps empty required ones', () => {
    const draft = readDraft(completeLessonJson);
    const forecast = draft.sections[1]?.items[1] as DraftForecast;
    const edited = readDraft({
      ...toLessonJson(draft),
      metadata: { title: 'T', subtitle: '', source: { url: '', permission: '  ' } },
    });
    const json = toLessonJson({
      ...edited,
      sections: edited.sections.map((section, s) =>
        s === 1
          ? {
              ...section,
              teacherNotes: ['', 'A note', '  '],
              items: [
                {
                  ...forecast,
                  scenarios: [
                    {
                      ...forecast.scenarios[0]!,
                      resolution: { happened: null, date: '', text: '' },
                    },
                  ],
                },
                { ...newItem('prompt'), id: 'p9' },
              ],
            }
          : section,
      ),
    });
    const source = (json.metadata as { source: Record<string, unknown> }).source;
    expect(source).not.toHaveProperty('url');
    expect(source).not.toHaveProperty('permission');
    expect(source).toHaveProperty('publication', '');
    const section = (json.sections as Record<string, unknown>[])[1]!;
    expect(section.teacherNotes).toEqual(['A note']);
    const [writtenForecast, prompt] = section.items as Record<string, unknown>[];
    expect((writtenForecast!.scenarios as Record<string, unknown>[])[0]).not.toHaveProperty(
      'resolution',
    );
    expect(prompt).toEqual({ kind: 'prompt', id: 'p9', question: '', level: 'analysis' });
  });

  it('writes a glossary term with no forms given as found by the term itself', () => {
    const draft = readDraft(completeLessonJson);
    expect(draft.glossary[0]?.matches).toEqual([]);
    expect(draft.glossary[1]?.matches).toEqual(['billion years']);
    const renamed = { ...draft, glossary: [{ ...draft.glossary[0]!, term: 'cluster' }] };
    expect((toLessonJson(renamed).glossary as { matches: string[] }[])[0]?.matches).toEqual([
      'cluster',
    ]);
  });

  it('makes a new item of every kind with an id the schema accepts', () => {
    const kinds: DraftItemKind[] = ['prompt', 'poll', 'scale', 'forecast', 'claimCheck'];
    for (const kind of kinds) {
      const item = newItem(kind);
      expect(item.kind).toBe(kind);
      expect(item.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(item.extension).toBe(false);
    }
  });

  it('starts a lesson from an article with its details and one section of its paragraphs', () => {
    const draft = newDraftFromArticle(
      {
        title: 'Webb’s First Image',
        subtitle: 'What the first pictures show',
        publication: 'NASA',
        author: 'NASA news release',
        date: '2022-07-11',
        url: '',
        permission: 'Public domain',
      },
      ['One.', 'Two.'],
    );
    expect(draft.id).toMatch(/^webb-s-first-image-[a-z0-9]{4}$/);
    expect(draft.metadata.subtitle).toBe('What the first pictures show');
    expect(draft.metadata.source).toEqual({
      publication: 'NASA',
      headline: 'Webb’s First Image',
      published: '2022-07-11',
      authorDescription: 'NASA news release',
      url: '',
      permission: 'Public domain',
    });
    expect(draft.sections).toHaveLength(1);
    expect(draft.sections[0]?.paragraphs).toEqual([{ text: 'One.' }, { text: 'Two.' }]);
    expect(toLessonJson(draft).schemaVersion).toBe(7);
  });
});
