import {
  DRAFT_SCHEMA_VERSION,
  type DraftItem,
  type DraftLesson,
  type DraftLessonReading,
  type DraftResolution,
  type DraftScenario,
  type DraftSection,
} from './draft-lesson';

/**
 * The lesson-shaped JSON of a draft (draft-lesson.ts): what is saved, validated and published.
 * What is still empty is left out, so the schema names each missing field.
 */

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

/** A criterion's levels without the blank lines typed between them; none at all: left out. */
function levelsJson(levels: readonly string[]): string[] | undefined {
  const written = levels.filter((level) => level.trim() !== '');
  return written.length > 0 ? written : undefined;
}

function itemJson(item: DraftItem): LessonJson {
  const base = {
    kind: item.kind,
    id: item.id,
    extension: item.extension ? true : undefined,
    drafted: item.drafted,
  };
  switch (item.kind) {
    case 'prompt': {
      const guidance = withoutEmpty({
        minWords: optionalNumber(item.minWords),
        hint: optionalText(item.hint),
        searches: optionalNumber(item.searches),
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
            drafted: claim.drafted,
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
            levels: levelsJson(criterion.levels),
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
    drafted: scenario.drafted,
    statement: scenario.statement,
    lessonReading: lessonReadingJson(scenario.lessonReading),
    resolution: resolutionJson(scenario.resolution),
  });
}

function sectionJson(section: DraftSection): LessonJson {
  return withoutEmpty({
    id: section.id,
    drafted: section.drafted,
    title: section.title,
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
    metadata: withoutEmpty({
      drafted: metadata.drafted,
      title: metadata.title,
      subtitle: metadata.subtitle,
      language: metadata.language,
      source: withoutEmpty({
        publication: source.publication,
        headline: source.headline,
        published: source.published,
        authorDescription: source.authorDescription,
        url: optionalText(source.url),
        permission: optionalText(source.permission),
      }),
    }),
    sections: draft.sections.map(sectionJson),
    glossary: draft.glossary.map((term) =>
      withoutEmpty({
        id: term.id,
        drafted: term.drafted,
        term: term.term,
        matches: term.matches.some((m) => m.trim() !== '')
          ? term.matches.filter((m) => m.trim() !== '')
          : [term.term],
        definition: term.definition,
      }),
    ),
  };
}
