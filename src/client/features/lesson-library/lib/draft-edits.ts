import { type DraftLesson, type DraftSection } from './draft-lesson';
import { newSection } from './new-draft-parts';

/**
 * The editor's changes to a draft's structure, as pure functions: where sections start in the
 * article, and the order of sections and items. Each returns a new draft and leaves the one
 * given unchanged.
 */

/** The list with the entry at `index` moved by `delta` places; unchanged when it cannot move. */
export function moveInList<T>(entries: readonly T[], index: number, delta: number): readonly T[] {
  const target = index + delta;
  if (index < 0 || index >= entries.length || target < 0 || target >= entries.length) {
    return entries;
  }
  const moved = [...entries];
  const [entry] = moved.splice(index, 1);
  if (entry === undefined) return entries;
  moved.splice(target, 0, entry);
  return moved;
}

export function replaceAt<T>(entries: readonly T[], index: number, entry: T): readonly T[] {
  return entries.map((current, i) => (i === index ? entry : current));
}

export function removeAt<T>(entries: readonly T[], index: number): readonly T[] {
  return entries.filter((_, i) => i !== index);
}

/** One paragraph of the whole article, with where it sits. */
export interface ArticleParagraph {
  readonly text: string;
  /** Its place in the whole article, counted from 0. */
  readonly index: number;
  readonly sectionIndex: number;
  /** Its place in its section; 0 is where the section starts. */
  readonly indexInSection: number;
}

/** The article's paragraphs in order, each with its section: the sections laid end to end. */
export function articleParagraphs(draft: DraftLesson): readonly ArticleParagraph[] {
  const out: ArticleParagraph[] = [];
  draft.sections.forEach((section, sectionIndex) => {
    section.paragraphs.forEach((paragraph, indexInSection) => {
      out.push({ text: paragraph.text, index: out.length, sectionIndex, indexInSection });
    });
  });
  return out;
}

/**
 * Starts a new section at a paragraph of a section: that paragraph and those after it move to
 * the new section, placed right after; items stay with the first part.
 */
export function splitSection(
  draft: DraftLesson,
  sectionIndex: number,
  indexInSection: number,
): DraftLesson {
  const section = draft.sections[sectionIndex];
  if (!section || indexInSection <= 0 || indexInSection >= section.paragraphs.length) return draft;
  const first: DraftSection = {
    ...section,
    paragraphs: section.paragraphs.slice(0, indexInSection),
  };
  const second = newSection(section.paragraphs.slice(indexInSection));
  const sections = [...draft.sections];
  sections.splice(sectionIndex, 1, first, second);
  return { ...draft, sections };
}

const joinText = (a: string, b: string) => [a, b].filter((t) => t.trim() !== '').join('\n\n');

/**
 * Ends a section (not the first) by joining it to the one before: its paragraphs, items and
 * notes follow that section's, and its summary is added to that section's, so nothing written
 * is lost. Its title and minutes go.
 */
export function mergeWithPrevious(draft: DraftLesson, sectionIndex: number): DraftLesson {
  const section = draft.sections[sectionIndex];
  const previous = draft.sections[sectionIndex - 1];
  if (!section || !previous) return draft;
  const merged: DraftSection = {
    ...previous,
    paragraphs: [...previous.paragraphs, ...section.paragraphs],
    items: [...previous.items, ...section.items],
    summary: joinText(previous.summary, section.summary),
    teacherNotes: [...previous.teacherNotes, ...section.teacherNotes],
  };
  const sections = [...draft.sections];
  sections.splice(sectionIndex - 1, 2, merged);
  return { ...draft, sections };
}

export function moveSection(draft: DraftLesson, sectionIndex: number, delta: number): DraftLesson {
  return { ...draft, sections: moveInList(draft.sections, sectionIndex, delta) };
}

export function updateSection(
  draft: DraftLesson,
  sectionIndex: number,
  change: (section: DraftSection) => DraftSection,
): DraftLesson {
  const section = draft.sections[sectionIndex];
  if (!section) return draft;
  return { ...draft, sections: replaceAt(draft.sections, sectionIndex, change(section)) };
}
