import { CLAIM_CATEGORIES } from '#domain/lesson/lesson-constants';
import {
  PARAGRAPH_ROLES,
  POLL_MODES,
  PROMPT_LEVELS,
  type DraftItem,
  type DraftLesson,
  type DraftParagraph,
  type DraftScenario,
  type DraftSection,
  type DraftTerm,
} from './draft-lesson';
import { newId } from './ids';

/**
 * The editor's lesson (draft-lesson.ts) read from any JSON, tolerantly: a field of the wrong type
 * reads as empty, an item of an unknown kind is left out.
 */

type Json = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const record = (value: unknown): Json => (isRecord(value) ? value : {});
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  values.find((v) => v === value) ?? fallback;
const idOr = (value: unknown, prefix: string): string => {
  const id = text(value);
  return id === '' ? newId(prefix) : id;
};

function readParagraph(value: unknown): DraftParagraph {
  const raw = record(value);
  const role = PARAGRAPH_ROLES.find((r) => r === raw.role);
  return role ? { role, text: text(raw.text) } : { text: text(raw.text) };
}

/** A drafted part's note, kept until the teacher reviews the part. */
const mark = (raw: Json): { drafted?: string } =>
  typeof raw.drafted === 'string' ? { drafted: raw.drafted } : {};

function readItem(value: unknown): DraftItem | null {
  const raw = record(value);
  const base = { extension: raw.extension === true, ...mark(raw) };
  switch (raw.kind) {
    case 'prompt': {
      // A lesson keeps these in `guidance`; the editor's own shape (a copy kept on this device)
      // beside the question.
      const guidance = { ...raw, ...record(raw.guidance) };
      return {
        kind: 'prompt',
        id: idOr(raw.id, 'prompt'),
        ...base,
        question: text(raw.question),
        level: oneOf(PROMPT_LEVELS, raw.level, 'analysis'),
        minWords: numberOrNull(guidance.minWords),
        hint: text(guidance.hint),
        searches: numberOrNull(guidance.searches),
      };
    }
    case 'poll':
      return {
        kind: 'poll',
        id: idOr(raw.id, 'poll'),
        ...base,
        question: text(raw.question),
        mode: oneOf(POLL_MODES, raw.mode, 'single'),
        options: list(raw.options).map((option) => {
          const o = record(option);
          return { id: idOr(o.id, 'option'), label: text(o.label) };
        }),
        afterAnswer: text(raw.afterAnswer),
      };
    case 'scale':
      return { kind: 'scale', id: idOr(raw.id, 'scale'), ...base, statement: text(raw.statement) };
    case 'forecast':
      return {
        kind: 'forecast',
        id: idOr(raw.id, 'forecast'),
        ...base,
        question: text(raw.question),
        asOf: text(raw.asOf),
        horizon: text(raw.horizon),
        scenarios: list(raw.scenarios).map(readScenario),
      };
    case 'claimCheck':
      return {
        kind: 'claimCheck',
        id: idOr(raw.id, 'claims'),
        ...base,
        instructions: text(raw.instructions),
        claims: list(raw.claims).map((claim) => {
          const c = record(claim);
          return {
            id: idOr(c.id, 'claim'),
            ...mark(c),
            quote: text(c.quote),
            expected: CLAIM_CATEGORIES.find((category) => category === c.expected) ?? '',
            explanation: text(c.explanation),
          };
        }),
      };
    case 'writing':
      return {
        kind: 'writing',
        id: idOr(raw.id, 'writing'),
        ...base,
        task: text(raw.task),
        minWords: numberOrNull(raw.minWords),
        rubric: list(raw.rubric).map((criterion) => {
          const c = record(criterion);
          return {
            id: idOr(c.id, 'criterion'),
            criterion: text(c.criterion),
            points: numberOrNull(c.points),
            levels: list(c.levels).map(text),
          };
        }),
        modelAnswer: text(raw.modelAnswer),
      };
    case 'statements':
      return {
        kind: 'statements',
        id: idOr(raw.id, 'statements'),
        ...base,
        question: text(raw.question),
        seedStatements: list(raw.seedStatements).map((seed) => {
          const s = record(seed);
          return { id: idOr(s.id, 'statement'), text: text(s.text) };
        }),
        requireApproval: raw.requireApproval === true,
      };
    default:
      // An item of a kind this editor does not know cannot be shown: it is left out.
      return null;
  }
}

function readScenario(value: unknown): DraftScenario {
  const raw = record(value);
  // A draft saved before version 3 has `authorView` { probability, basis }: read it as the reading.
  const old = record(raw.authorView);
  const view =
    raw.lessonReading === undefined ? { ...old, reason: old.basis } : record(raw.lessonReading);
  const resolution = record(raw.resolution);
  const probability = numberOrNull(view.probability);
  return {
    id: idOr(raw.id, 'scenario'),
    ...mark(raw),
    statement: text(raw.statement),
    lessonReading: { probability, reason: text(view.reason) },
    resolution: {
      happened: typeof resolution.happened === 'boolean' ? resolution.happened : null,
      date: text(resolution.date),
      text: text(resolution.text),
    },
  };
}

function readSection(value: unknown): DraftSection {
  const raw = record(value);
  return {
    id: idOr(raw.id, 'section'),
    ...mark(raw),
    title: text(raw.title),
    paragraphs: list(raw.paragraphs).map(readParagraph),
    items: list(raw.items)
      .map(readItem)
      .filter((item) => item !== null),
    summary: text(raw.summary),
    teacherNotes: list(raw.teacherNotes).map(text),
  };
}

function readTerm(value: unknown): DraftTerm {
  const raw = record(value);
  const term = text(raw.term);
  const matches = list(raw.matches).map(text);
  // Only the term itself is the same as none given: editing the term then keeps them in step.
  const isTermAlone = matches.length === 1 && matches[0] === term;
  return {
    id: idOr(raw.id, 'term'),
    ...mark(raw),
    term,
    matches: isTermAlone ? [] : matches,
    definition: text(raw.definition),
  };
}

/** The editor's lesson from a stored draft or a published lesson: any JSON, read as far as it goes. */
export function readDraft(value: unknown): DraftLesson {
  const raw = record(value);
  const metadata = record(raw.metadata);
  const source = record(metadata.source);
  return {
    id: idOr(raw.id, 'lesson'),
    metadata: {
      ...mark(metadata),
      title: text(metadata.title),
      subtitle: text(metadata.subtitle),
      // Every lesson before version 6 of the format, which added the field, was in English.
      language: typeof metadata.language === 'string' ? metadata.language : 'en',
      source: {
        publication: text(source.publication),
        headline: text(source.headline),
        published: text(source.published),
        authorDescription: text(source.authorDescription),
        url: text(source.url),
        permission: text(source.permission),
      },
    },
    sections: list(raw.sections).map(readSection),
    glossary: list(raw.glossary).map(readTerm),
  };
}
