import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import { articleProblems, checkLessonDraft } from './lesson-draft';
import type { Lesson } from './lesson-schema';

const copy = (): Lesson => structuredClone(soleimaniLesson);

describe('checkLessonDraft', () => {
  it('passes the shipped lesson, whose quotes and glossary terms are all in its text', () => {
    const checked = checkLessonDraft(copy());
    expect(checked.ok).toBe(true);
    expect(articleProblems(copy())).toEqual([]);
  });

  it('reads a draft without schemaVersion as today’s version and lists every schema problem', () => {
    const checked = checkLessonDraft({ metadata: { title: 'Only a title' } });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const paths = checked.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'metadata.subtitle', 'sections']));
    expect(paths).not.toContain('schemaVersion');
  });

  it('refuses a draft that is not a lesson at all', () => {
    for (const draft of [null, [], 'text', 3]) {
      expect(checkLessonDraft(draft)).toEqual({
        ok: false,
        problems: [{ path: '', message: 'The lesson is empty.' }],
        moreProblems: 0,
      });
    }
  });

  it('names a claim quote and a glossary term that the article does not contain', () => {
    const lesson = copy();
    const sectionIndex = lesson.sections.findIndex((s) =>
      s.items.some((i) => i.kind === 'claimCheck'),
    );
    const section = lesson.sections[sectionIndex]!;
    const itemIndex = section.items.findIndex((i) => i.kind === 'claimCheck');
    const item = section.items[itemIndex]!;
    if (item.kind !== 'claimCheck') throw new Error('no claim check');
    item.claims[0]!.quote = 'A sentence the author never wrote.';
    lesson.glossary[0]!.matches = ['zzyzx'];

    const checked = checkLessonDraft(lesson);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      {
        path: `sections[${sectionIndex}].items[${itemIndex}].claims[0].quote`,
        message: 'is not in the article: quote its words exactly.',
      },
      {
        path: 'glossary[0].matches[0]',
        message: '"zzyzx" is not in the article: a glossary term must be a word of the text.',
      },
    ]);
  });

  it('finds a quote whatever its letter case, as students read it', () => {
    const lesson = copy();
    const paragraph = lesson.sections[0]!.paragraphs.at(-1)!.text;
    lesson.glossary[0]!.matches = [paragraph.slice(0, 20).toUpperCase()];
    expect(articleProblems(lesson)).toEqual([]);
  });

  it('refuses a part still drafted, at its drafted field, until the teacher reviews it', () => {
    const lesson = copy();
    const claimCheck = lesson.sections[1]!.items.findIndex((i) => i.kind === 'claimCheck');
    const item = lesson.sections[1]!.items[claimCheck]!;
    if (item.kind !== 'claimCheck') throw new Error('no claim check in section 2');
    item.claims[1]!.drafted = 'Fact: a number ("1979")';
    lesson.glossary[0]!.drafted = 'A rare word';
    const checked = checkLessonDraft(lesson);
    expect(checked).toEqual({
      ok: false,
      problems: [
        {
          path: `sections[1].items[${claimCheck}].claims[1].drafted`,
          message: 'is drafted and not yet reviewed: edit it or accept it.',
        },
        {
          path: 'glossary[0].drafted',
          message: 'is drafted and not yet reviewed: edit it or accept it.',
        },
      ],
      moreProblems: 0,
    });
    // Accepted: the marks gone, the same lesson publishes.
    delete item.claims[1]!.drafted;
    delete lesson.glossary[0]!.drafted;
    expect(checkLessonDraft(lesson).ok).toBe(true);
  });
});
