import { describe, expect, it } from 'vitest';
import type { DraftClaimCheck, DraftForecast, DraftLesson } from './draft-lesson';
import {
  acceptSection,
  clearEditedMarks,
  countDrafted,
  draftedPartName,
  withoutMark,
} from './drafted-review';
import { updateSection } from './draft-edits';
import { toLessonJson, type LessonJson } from './lesson-json';
import { readDraft } from './read-draft';
import { completeLessonJson } from './test-lesson';

/** The test lesson with every part that can carry a mark drafted. */
function draftedLesson(): DraftLesson {
  const json = structuredClone(completeLessonJson) as LessonJson & {
    metadata: LessonJson;
    sections: (LessonJson & {
      items: (LessonJson & { claims?: LessonJson[]; scenarios?: LessonJson[] })[];
    })[];
    glossary: LessonJson[];
  };
  json.metadata.drafted = 'From the article';
  for (const section of json.sections) {
    section.drafted = 'Split at a heading';
    for (const item of section.items) {
      item.drafted = 'Drafted';
      for (const entry of [...(item.claims ?? []), ...(item.scenarios ?? [])]) {
        entry.drafted = 'A cue';
      }
    }
  }
  for (const term of json.glossary) term.drafted = 'A rare word';
  return readDraft(json);
}

const claimCheckOf = (draft: DraftLesson) => draft.sections[1]!.items[0] as DraftClaimCheck;
const forecastOf = (draft: DraftLesson) => draft.sections[1]!.items[1] as DraftForecast;

describe('the review of drafted parts', () => {
  it('keeps every mark through reading and writing the draft', () => {
    const draft = draftedLesson();
    expect(draft.metadata.drafted).toBe('From the article');
    expect(claimCheckOf(draft).claims[0]?.drafted).toBe('A cue');
    expect(forecastOf(draft).scenarios[0]?.drafted).toBe('A cue');
    expect(draft.glossary[0]?.drafted).toBe('A rare word');
    expect(readDraft(toLessonJson(draft))).toEqual(draft);
  });

  it('removes the mark of a claim whose quote is edited, and no other', () => {
    const before = draftedLesson();
    const check = claimCheckOf(before);
    const edited = updateSection(before, 1, (section) => ({
      ...section,
      items: [
        { ...check, claims: [{ ...check.claims[0]!, quote: 'New words' }] },
        ...section.items.slice(1),
      ],
    }));
    const after = clearEditedMarks(before, edited);
    expect(claimCheckOf(after).claims[0]).not.toHaveProperty('drafted');
    // Editing a claim is not editing the claim check, its section or anything else.
    expect(claimCheckOf(after).drafted).toBe('Drafted');
    expect(after.sections[1]?.drafted).toBe('Split at a heading');
    expect(after.sections[0]).toBe(before.sections[0]);
    expect(after.metadata).toBe(before.metadata);
  });

  it('removes an item’s mark when its own field changes or a claim is added', () => {
    const before = draftedLesson();
    const check = claimCheckOf(before);
    const instructions = updateSection(before, 1, (section) => ({
      ...section,
      items: [{ ...check, instructions: 'Sort them.' }, ...section.items.slice(1)],
    }));
    expect(claimCheckOf(clearEditedMarks(before, instructions))).not.toHaveProperty('drafted');
    const added = updateSection(before, 1, (section) => ({
      ...section,
      items: [
        { ...check, claims: [...check.claims, { ...check.claims[0]!, id: 'new' }] },
        ...section.items.slice(1),
      ],
    }));
    const after = claimCheckOf(clearEditedMarks(before, added));
    expect(after).not.toHaveProperty('drafted');
    expect(after.claims[0]?.drafted).toBe('A cue');
  });

  it('removes the marks of the section, the lesson’s details and a glossary term when edited', () => {
    const before = draftedLesson();
    const titled = updateSection(before, 0, (section) => ({ ...section, title: 'Renamed' }));
    const after = clearEditedMarks(before, titled);
    expect(after.sections[0]).not.toHaveProperty('drafted');
    expect(after.sections[0]?.items[0]?.drafted).toBe('Drafted');
    const details = clearEditedMarks(before, {
      ...before,
      metadata: { ...before.metadata, language: 'fr' },
    });
    expect(details.metadata).not.toHaveProperty('drafted');
    const term = clearEditedMarks(before, {
      ...before,
      glossary: [{ ...before.glossary[0]!, definition: 'A distance light travels in a year.' }],
    });
    expect(term.glossary[0]).not.toHaveProperty('drafted');
  });

  it('keeps every mark when parts only move, and returns the same draft when nothing changed', () => {
    const before = draftedLesson();
    const moved = { ...before, sections: [before.sections[1]!, before.sections[0]!] };
    expect(clearEditedMarks(before, moved)).toBe(moved);
    expect(clearEditedMarks(before, before)).toBe(before);
  });

  it('accepts a whole section: its marks and those of its items, claims and scenarios', () => {
    const draft = draftedLesson();
    expect(countDrafted(draft.sections[1]!)).toBe(6);
    const accepted = acceptSection(draft.sections[1]!);
    expect(countDrafted(accepted)).toBe(0);
    expect(JSON.stringify(accepted)).not.toContain('drafted');
    expect(countDrafted(draft.sections[0]!)).toBe(4);
  });

  it('takes a mark off one part, leaving a part without one as it is', () => {
    const term = draftedLesson().glossary[0]!;
    const accepted = withoutMark(term);
    expect(accepted).toEqual({ ...term, drafted: undefined });
    expect(accepted).not.toHaveProperty('drafted');
    expect(withoutMark(accepted)).toBe(accepted);
  });

  it('names each drafted part for its Accept button', () => {
    expect(draftedPartName('sections[0].items[2].claims[1]')).toBe('claim 2 of item 3, section 1');
    expect(draftedPartName('sections[1].items[0].scenarios[0]')).toBe(
      'scenario 1 of item 1, section 2',
    );
    expect(draftedPartName('sections[1].items[3]')).toBe('item 4 of section 2');
    expect(draftedPartName('sections[2]')).toBe('section 3');
    expect(draftedPartName('glossary[0]')).toBe('glossary term 1');
    expect(draftedPartName('metadata')).toBe('details of the article');
  });
});
