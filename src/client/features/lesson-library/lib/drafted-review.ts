import { parseFieldPath } from '#domain/lesson/field-words';
import type {
  DraftItem,
  DraftLesson,
  DraftMark,
  DraftMetadata,
  DraftSection,
  DraftTerm,
} from './draft-lesson';

/**
 * The teacher's review of the parts the app drafted (a `drafted` mark, lesson-schema.ts): a part
 * is reviewed when the teacher accepts it, or edits any field of its own. A part's own fields are
 * its fields but the parts inside it that carry marks of their own: a section's items, a claim
 * check's claims, a forecast's scenarios (adding or removing one is an edit of the item; editing
 * one is not).
 */

/** The part without its mark; the same part when it has none. */
export function withoutMark<Part extends DraftMark>(part: Part): Part {
  if (part.drafted === undefined) return part;
  const { drafted: _reviewed, ...rest } = part;
  return rest as Part;
}

/** A part's own fields as text, in a fixed order: children with marks count by their ids. */
function ownFields(part: object, children: readonly string[] = []): string {
  const entries = Object.entries(part)
    .filter(([key]) => key !== 'drafted')
    .map(([key, value]): [string, unknown] =>
      children.includes(key) && Array.isArray(value)
        ? [key, (value as readonly { id: string }[]).map((child) => child.id)]
        : [key, value],
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** `after` without its mark when a field of its own differs from `before`'s. */
function reviewPart<Part extends DraftMark & object>(
  before: Part | undefined,
  after: Part,
  children: readonly string[] = [],
): Part {
  if (after.drafted === undefined || before === undefined || before === after) return after;
  return ownFields(before, children) === ownFields(after, children) ? after : withoutMark(after);
}

/** The list with each entry mapped; the same list when no entry changed. */
function mapSame<Part>(list: readonly Part[], map: (part: Part) => Part): readonly Part[] {
  const mapped = list.map(map);
  return mapped.some((part, i) => part !== list[i]) ? mapped : list;
}

/** Each entry of `after` reviewed against the entry of `before` with its id. */
function reviewList<Part extends { readonly id: string }>(
  before: readonly Part[],
  after: readonly Part[],
  review: (old: Part | undefined, next: Part) => Part,
): readonly Part[] {
  if (before === after) return after;
  const byId = new Map(before.map((part) => [part.id, part]));
  return mapSame(after, (part) => review(byId.get(part.id), part));
}

function reviewItem(before: DraftItem | undefined, after: DraftItem): DraftItem {
  if (before === after) return after;
  let item = reviewPart(before, after, ['claims', 'scenarios']);
  if (item.kind === 'claimCheck' && before?.kind === 'claimCheck') {
    const claims = reviewList(before.claims, item.claims, (old, next) => reviewPart(old, next));
    if (claims !== item.claims) item = { ...item, claims };
  } else if (item.kind === 'forecast' && before?.kind === 'forecast') {
    const scenarios = reviewList(before.scenarios, item.scenarios, (old, next) =>
      reviewPart(old, next),
    );
    if (scenarios !== item.scenarios) item = { ...item, scenarios };
  }
  return item;
}

/** Every item of the lesson, by its id (ids are unique in a lesson; items move between sections). */
const itemsById = (draft: DraftLesson): Map<string, DraftItem> =>
  new Map(draft.sections.flatMap((section) => section.items.map((item) => [item.id, item])));

/**
 * The draft after an edit, with the mark removed from every drafted part whose own fields the
 * edit changed. Parts the edit did not touch keep their object, so what is drawn from them is
 * not drawn again.
 */
export function clearEditedMarks(before: DraftLesson, after: DraftLesson): DraftLesson {
  if (before === after) return after;
  const metadata: DraftMetadata = reviewPart(before.metadata, after.metadata);
  const oldItems = itemsById(before);
  const sections = reviewList(before.sections, after.sections, (old, next) => {
    if (old === next) return next;
    const section = reviewPart(old, next, ['items']);
    const items = mapSame(section.items, (item) => reviewItem(oldItems.get(item.id), item));
    return items === section.items ? section : { ...section, items };
  });
  const glossary = reviewList(before.glossary, after.glossary, (old, next: DraftTerm) =>
    reviewPart(old, next),
  );
  if (metadata === after.metadata && sections === after.sections && glossary === after.glossary) {
    return after;
  }
  return { ...after, metadata, sections, glossary };
}

/** The section with every mark in it removed: its own, its items', their claims' and scenarios'. */
export function acceptSection(section: DraftSection): DraftSection {
  return {
    ...withoutMark(section),
    items: section.items.map((item): DraftItem => {
      const accepted = withoutMark(item);
      if (accepted.kind === 'claimCheck') {
        return { ...accepted, claims: accepted.claims.map(withoutMark) };
      }
      if (accepted.kind === 'forecast') {
        return { ...accepted, scenarios: accepted.scenarios.map(withoutMark) };
      }
      return accepted;
    }),
  };
}

/** How many parts of the section still carry a mark, the section itself included. */
export function countDrafted(section: DraftSection): number {
  const marked = (part: DraftMark) => (part.drafted === undefined ? 0 : 1);
  return section.items.reduce((count, item) => {
    const inside =
      item.kind === 'claimCheck'
        ? item.claims.reduce((sum, claim) => sum + marked(claim), 0)
        : item.kind === 'forecast'
          ? item.scenarios.reduce((sum, scenario) => sum + marked(scenario), 0)
          : 0;
    return count + marked(item) + inside;
  }, marked(section));
}

const PART_WORDS: Readonly<Record<string, string>> = {
  sections: 'section',
  items: 'item',
  claims: 'claim',
  scenarios: 'scenario',
  glossary: 'glossary term',
};

/**
 * A drafted part named for its Accept button, from its lesson path:
 * `sections[0].items[2].claims[1]` → "claim 2 of item 3, section 1"; `metadata` → "details of
 * the article".
 */
export function draftedPartName(path: string): string {
  const parts = parseFieldPath(path);
  const named: string[] = [];
  parts.forEach((part, index) => {
    const list = parts[index - 1];
    if (typeof part === 'number' && typeof list === 'string') {
      named.push(`${PART_WORDS[list] ?? list} ${part + 1}`);
    }
  });
  const [own, ...within] = named.reverse();
  if (own === undefined) return 'details of the article';
  return within.length === 0 ? own : `${own} of ${within.join(', ')}`;
}
