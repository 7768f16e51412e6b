/**
 * The parts of a lesson the app drafted and the teacher has not reviewed yet: those that still
 * carry a `drafted` mark (lesson-schema.ts). A lesson with any cannot be published or imported;
 * each mark is a problem at the path of its `drafted` field.
 *
 * Read from plain JSON, not a validated lesson, so a draft that has other problems still lists
 * its marks beside them. No zod here: the editor uses it too.
 */

export const DRAFTED_MESSAGE = 'is drafted and not yet reviewed: edit it or accept it.';

/** A field path as lists of keys and indexes, e.g. ['sections', 0, 'items', 2, 'drafted']. */
export type DraftedPath = readonly (string | number)[];

type Json = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const entries = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** The item lists whose entries may be drafted: a claim check's claims, a forecast's scenarios. */
const DRAFTABLE_ENTRIES: ReadonlyMap<unknown, string> = new Map([
  ['claimCheck', 'claims'],
  ['forecast', 'scenarios'],
]);

/** Every `drafted` mark of a lesson's JSON, in the order of the file. */
export function findDraftedMarks(lesson: unknown): DraftedPath[] {
  const found: DraftedPath[] = [];
  const visit = (value: unknown, path: DraftedPath) => {
    if (isRecord(value) && value.drafted !== undefined) found.push([...path, 'drafted']);
  };
  if (!isRecord(lesson)) return found;
  visit(lesson.metadata, ['metadata']);
  entries(lesson.sections).forEach((section, s) => {
    visit(section, ['sections', s]);
    if (!isRecord(section)) return;
    entries(section.items).forEach((item, i) => {
      visit(item, ['sections', s, 'items', i]);
      if (!isRecord(item)) return;
      const field = DRAFTABLE_ENTRIES.get(item.kind);
      if (field === undefined) return;
      entries(item[field]).forEach((entry, k) => {
        visit(entry, ['sections', s, 'items', i, field, k]);
      });
    });
  });
  entries(lesson.glossary).forEach((term, g) => {
    visit(term, ['glossary', g]);
  });
  return found;
}
