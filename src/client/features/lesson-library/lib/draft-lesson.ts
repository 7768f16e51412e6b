import { CLAIM_CATEGORIES } from '#domain/lesson/lesson-constants';
import { lessonIdFromTitle, newId } from './ids';

/**
 * The lesson as the editor holds it while the teacher writes it: the lesson file's shape
 * (src/domain/lesson/lesson-schema.ts, version 3), with every field present so a form can show
 * it, empty while unwritten (`''`, `null` for a number or an unknown outcome). `readDraft` makes
 * one from any stored draft, however incomplete; `toLessonJson` makes the lesson-shaped JSON
 * that is saved and published, leaving out what is still empty, so the schema names each
 * missing field and an optional one left empty is simply absent.
 */

export const DRAFT_SCHEMA_VERSION = 5;

export const PARAGRAPH_ROLES = ['headline', 'standfirst', 'caption', 'body', 'byline'] as const;
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];
export const PROMPT_LEVELS = ['recall', 'analysis', 'evaluation'] as const;
export type PromptLevel = (typeof PROMPT_LEVELS)[number];
export const POLL_MODES = ['single', 'multiple'] as const;
export type PollMode = (typeof POLL_MODES)[number];
export type ClaimCategory = (typeof CLAIM_CATEGORIES)[number];

export interface DraftParagraph {
  readonly role?: ParagraphRole;
  readonly text: string;
}

interface DraftItemBase {
  readonly id: string;
  /** An extension item: extra work for a class with time left. */
  readonly extension: boolean;
}

export interface DraftPrompt extends DraftItemBase {
  readonly kind: 'prompt';
  readonly question: string;
  readonly level: PromptLevel;
  readonly minWords: number | null;
  readonly hint: string;
}

export interface DraftPollOption {
  readonly id: string;
  readonly label: string;
}

export interface DraftPoll extends DraftItemBase {
  readonly kind: 'poll';
  readonly question: string;
  readonly mode: PollMode;
  readonly options: readonly DraftPollOption[];
  /** Shown once the student has answered; '' for none. */
  readonly afterAnswer: string;
}

export interface DraftScale extends DraftItemBase {
  readonly kind: 'scale';
  readonly statement: string;
}

export interface DraftResolution {
  /** null: not known yet (the lesson cannot be published until it is). */
  readonly happened: boolean | null;
  readonly date: string;
  readonly text: string;
}

export interface DraftLessonReading {
  /** null: no probability given (with an empty reason: no view given). */
  readonly probability: number | null;
  readonly reason: string;
}

export interface DraftScenario {
  readonly id: string;
  readonly statement: string;
  /**
   * The lesson's reading of the article: the probability it seems to give the scenario and a
   * one-line reason; both empty when the article gives no view.
   */
  readonly lessonReading: DraftLessonReading;
  readonly resolution: DraftResolution;
}

export interface DraftForecast extends DraftItemBase {
  readonly kind: 'forecast';
  readonly question: string;
  readonly asOf: string;
  readonly horizon: string;
  readonly scenarios: readonly DraftScenario[];
}

export interface DraftClaim {
  readonly id: string;
  readonly quote: string;
  readonly expected: ClaimCategory | '';
  readonly explanation: string;
}

export interface DraftClaimCheck extends DraftItemBase {
  readonly kind: 'claimCheck';
  readonly instructions: string;
  readonly claims: readonly DraftClaim[];
}

export interface DraftRubricCriterion {
  readonly id: string;
  readonly criterion: string;
  readonly points: number | null;
}

export interface DraftWriting extends DraftItemBase {
  readonly kind: 'writing';
  readonly task: string;
  readonly minWords: number | null;
  readonly rubric: readonly DraftRubricCriterion[];
  readonly modelAnswer: string;
}

export interface DraftSeedStatement {
  readonly id: string;
  readonly text: string;
}

export interface DraftStatements extends DraftItemBase {
  readonly kind: 'statements';
  readonly question: string;
  readonly seedStatements: readonly DraftSeedStatement[];
  readonly requireApproval: boolean;
}

export type DraftItem =
  | DraftPrompt
  | DraftPoll
  | DraftScale
  | DraftForecast
  | DraftClaimCheck
  | DraftWriting
  | DraftStatements;
export type DraftItemKind = DraftItem['kind'];

export interface DraftSection {
  readonly id: string;
  readonly title: string;
  readonly minutes: { readonly core: number | null; readonly extension: number | null };
  readonly paragraphs: readonly DraftParagraph[];
  readonly items: readonly DraftItem[];
  readonly summary: string;
  /** One note a line; blank lines are left out of the lesson. */
  readonly teacherNotes: readonly string[];
}

export interface DraftTerm {
  readonly id: string;
  readonly term: string;
  /** The forms in which the term appears in the text; the term itself when none is given. */
  readonly matches: readonly string[];
  readonly definition: string;
}

export interface DraftMetadata {
  readonly title: string;
  readonly subtitle: string;
  readonly source: {
    readonly publication: string;
    readonly headline: string;
    readonly published: string;
    readonly authorDescription: string;
    readonly url: string;
    readonly permission: string;
  };
}

export interface DraftLesson {
  readonly id: string;
  readonly metadata: DraftMetadata;
  readonly sections: readonly DraftSection[];
  readonly glossary: readonly DraftTerm[];
}

// Reading any JSON, tolerantly: a field of the wrong type reads as empty.

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

function readItem(value: unknown): DraftItem | null {
  const raw = record(value);
  const base = { extension: raw.extension === true };
  switch (raw.kind) {
    case 'prompt': {
      const guidance = record(raw.guidance);
      return {
        kind: 'prompt',
        id: idOr(raw.id, 'prompt'),
        ...base,
        question: text(raw.question),
        level: oneOf(PROMPT_LEVELS, raw.level, 'analysis'),
        minWords: numberOrNull(guidance.minWords),
        hint: text(guidance.hint),
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
  const minutes = record(raw.minutes);
  return {
    id: idOr(raw.id, 'section'),
    title: text(raw.title),
    minutes: { core: numberOrNull(minutes.core), extension: numberOrNull(minutes.extension) },
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
      title: text(metadata.title),
      subtitle: text(metadata.subtitle),
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

// Writing the lesson-shaped JSON.

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type LessonJson = { [key: string]: JsonValue };

/** Fields in the schema's order; empty optional ones left out, empty required ones left empty. */
function withoutEmpty(fields: Readonly<Record<string, JsonValue | undefined>>): LessonJson {
  const out: LessonJson = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const optionalText = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value;
const optionalNumber = (value: number | null): number | undefined => value ?? undefined;

function itemJson(item: DraftItem): LessonJson {
  const base = { kind: item.kind, id: item.id, extension: item.extension ? true : undefined };
  switch (item.kind) {
    case 'prompt': {
      const guidance = withoutEmpty({
        minWords: optionalNumber(item.minWords),
        hint: optionalText(item.hint),
      });
      return withoutEmpty({
        ...base,
        question: item.question,
        level: item.level,
        guidance: Object.keys(guidance).length > 0 ? guidance : undefined,
      });
    }
    case 'poll':
      return withoutEmpty({
        ...base,
        question: item.question,
        mode: item.mode,
        options: item.options.map((o) => ({ id: o.id, label: o.label })),
        afterAnswer: optionalText(item.afterAnswer),
      });
    case 'scale':
      return withoutEmpty({ ...base, statement: item.statement });
    case 'forecast':
      return withoutEmpty({
        ...base,
        question: item.question,
        asOf: item.asOf,
        horizon: item.horizon,
        scenarios: item.scenarios.map(scenarioJson),
      });
    case 'claimCheck':
      return withoutEmpty({
        ...base,
        instructions: item.instructions,
        claims: item.claims.map((claim) =>
          withoutEmpty({
            id: claim.id,
            quote: claim.quote,
            expected: claim.expected === '' ? undefined : claim.expected,
            explanation: claim.explanation,
          }),
        ),
      });
    case 'writing':
      return withoutEmpty({
        ...base,
        task: item.task,
        minWords: optionalNumber(item.minWords),
        rubric: item.rubric.map((criterion) =>
          withoutEmpty({
            id: criterion.id,
            criterion: criterion.criterion,
            points: optionalNumber(criterion.points),
          }),
        ),
        modelAnswer: item.modelAnswer,
      });
    case 'statements':
      return withoutEmpty({
        ...base,
        question: item.question,
        seedStatements: item.seedStatements.map((seed) => ({ id: seed.id, text: seed.text })),
        requireApproval: item.requireApproval,
      });
  }
}

/** An outcome not known yet is left out: the lesson names it missing until it is filled in. */
function resolutionJson(resolution: DraftResolution): LessonJson | undefined {
  const { happened, date, text: what } = resolution;
  if (happened === null && date.trim() === '' && what.trim() === '') return undefined;
  return withoutEmpty({ happened: happened ?? undefined, date, text: what });
}

/** No probability and no reason: no view given, so the field is left out. */
function lessonReadingJson(reading: DraftLessonReading): LessonJson | undefined {
  if (reading.probability === null && reading.reason.trim() === '') return undefined;
  return withoutEmpty({ probability: optionalNumber(reading.probability), reason: reading.reason });
}

function scenarioJson(scenario: DraftScenario): LessonJson {
  return withoutEmpty({
    id: scenario.id,
    statement: scenario.statement,
    lessonReading: lessonReadingJson(scenario.lessonReading),
    resolution: resolutionJson(scenario.resolution),
  });
}

function sectionJson(section: DraftSection): LessonJson {
  return withoutEmpty({
    id: section.id,
    title: section.title,
    minutes: withoutEmpty({
      core: optionalNumber(section.minutes.core),
      extension: optionalNumber(section.minutes.extension),
    }),
    paragraphs: section.paragraphs.map((p) => withoutEmpty({ role: p.role, text: p.text })),
    items: section.items.map(itemJson),
    summary: section.summary,
    teacherNotes: section.teacherNotes.filter((note) => note.trim() !== ''),
  });
}

/** The lesson-shaped JSON of the draft: what is saved, validated and published. */
export function toLessonJson(draft: DraftLesson): LessonJson {
  const { metadata } = draft;
  const { source } = metadata;
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: draft.id,
    metadata: {
      title: metadata.title,
      subtitle: metadata.subtitle,
      source: withoutEmpty({
        publication: source.publication,
        headline: source.headline,
        published: source.published,
        authorDescription: source.authorDescription,
        url: optionalText(source.url),
        permission: optionalText(source.permission),
      }),
    },
    sections: draft.sections.map(sectionJson),
    glossary: draft.glossary.map((term) => ({
      id: term.id,
      term: term.term,
      matches: term.matches.some((m) => m.trim() !== '')
        ? term.matches.filter((m) => m.trim() !== '')
        : [term.term],
      definition: term.definition,
    })),
  };
}

// New parts.

export function newSection(paragraphs: readonly DraftParagraph[], title = ''): DraftSection {
  return {
    id: newId('section'),
    title,
    minutes: { core: null, extension: 0 },
    paragraphs,
    items: [],
    summary: '',
    teacherNotes: [],
  };
}

export function newItem(kind: DraftItemKind): DraftItem {
  const base = { id: newId(kind === 'claimCheck' ? 'claims' : kind), extension: false };
  switch (kind) {
    case 'prompt':
      return { kind, ...base, question: '', level: 'analysis', minWords: null, hint: '' };
    case 'poll':
      return {
        kind,
        ...base,
        question: '',
        mode: 'single',
        options: [newPollOption(), newPollOption()],
        afterAnswer: '',
      };
    case 'scale':
      return { kind, ...base, statement: '' };
    case 'forecast':
      return { kind, ...base, question: '', asOf: '', horizon: '', scenarios: [newScenario()] };
    case 'claimCheck':
      return { kind, ...base, instructions: '', claims: [newClaim()] };
    case 'writing':
      return { kind, ...base, task: '', minWords: null, rubric: [newCriterion()], modelAnswer: '' };
    case 'statements':
      return { kind, ...base, question: '', seedStatements: [], requireApproval: false };
  }
}

export const newSeedStatement = (): DraftSeedStatement => ({ id: newId('statement'), text: '' });

export const newCriterion = (): DraftRubricCriterion => ({
  id: newId('criterion'),
  criterion: '',
  points: null,
});

export const newPollOption = (): DraftPollOption => ({ id: newId('option'), label: '' });

export const newScenario = (): DraftScenario => ({
  id: newId('scenario'),
  statement: '',
  lessonReading: { probability: null, reason: '' },
  resolution: { happened: null, date: '', text: '' },
});

export const newClaim = (quote = ''): DraftClaim => ({
  id: newId('claim'),
  quote,
  expected: '',
  explanation: '',
});

export const newTerm = (term = ''): DraftTerm => ({
  id: newId('term'),
  term,
  matches: [],
  definition: '',
});

/** What the new-lesson form asks for about the article. */
export interface ArticleDetails {
  readonly title: string;
  /** The lesson's subtitle, which publishing needs: asked for at once, not left for later. */
  readonly subtitle: string;
  readonly publication: string;
  readonly author: string;
  readonly date: string;
  readonly url: string;
  readonly permission: string;
}

/** A new lesson's draft: the article's details and its paragraphs, all in one first section. */
export function newDraftFromArticle(
  details: ArticleDetails,
  paragraphs: readonly string[],
): DraftLesson {
  return {
    id: lessonIdFromTitle(details.title),
    metadata: {
      title: details.title,
      subtitle: details.subtitle,
      source: {
        publication: details.publication,
        headline: details.title,
        published: details.date,
        authorDescription: details.author,
        url: details.url,
        permission: details.permission,
      },
    },
    sections: [newSection(paragraphs.map((p) => ({ text: p })))],
    glossary: [],
  };
}
