import { z } from 'zod';
import {
  CLAIM_CATEGORIES,
  PROMPT_SEARCHES_MAX,
  RUBRIC_LEVEL_TEXT_MAX,
  SEED_STATEMENTS_MAX,
  STATEMENT_TEXT_MAX,
  WRITING_CRITERIA_MAX,
  WRITING_POINTS_MAX,
} from './lesson-constants';

/**
 * The lesson model: a lesson is data, validated by these schemas and shared by client and server.
 * No field uses `.default()`, so the input and output types are the same and a lesson written as
 * a typed object literal is already in its final shape.
 */

export const LESSON_SCHEMA_VERSION = 7;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes');

/** Nothing a reader would see: blanks, and the code points Unicode says to render as nothing. */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]+$/u;

const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine(
    (value) => !INVISIBLE_ONLY.test(value),
    'must not be empty: it has only invisible characters',
  );

/** A text on one line: no line breaks. */
const oneLine = text.regex(/^[^\r\n]*$/, 'must be one line, without line breaks');

/**
 * A mark on a part the app drafted and the teacher has not reviewed yet: the note the teacher
 * reads (for a claim, the cue that decided its category). The schema accepts it so a draft can
 * be stored and edited; publishing and importing refuse a lesson that still has one
 * (drafted-marks.ts). Editing the part, or accepting it, removes the mark.
 */
const drafted = { drafted: oneLine.optional() };

/** An ISO calendar date, e.g. 2020-12-31. */
const isoDate = z.iso.date();

export const paragraphRoleSchema = z.enum(['headline', 'standfirst', 'caption', 'body', 'byline']);

export const paragraphSchema = z.object({
  /** How the paragraph is shown; a missing role is a body paragraph. */
  role: paragraphRoleSchema.optional(),
  /** The article's words, verbatim. */
  text,
});

/**
 * What every item kind has, after its `kind`: its id and whether it is an extension item (extra
 * work for a class with time left; absent or false: a core item).
 */
const itemBase = {
  id,
  extension: z.boolean().optional(),
  ...drafted,
};

export const promptItemSchema = z.object({
  kind: z.literal('prompt'),
  ...itemBase,
  question: text,
  /** Where the question sits on the climb from recall to evaluation. */
  level: z.enum(['recall', 'analysis', 'evaluation']),
  guidance: z
    .object({
      minWords: z.number().int().positive().optional(),
      hint: text.optional(),
      /** How many searches a source-checking prompt asks for (each adds to the lesson's time). */
      searches: z.number().int().min(1).max(PROMPT_SEARCHES_MAX).optional(),
    })
    .optional(),
});

export const pollOptionSchema = z.object({ id, label: text });

export const pollItemSchema = z.object({
  kind: z.literal('poll'),
  ...itemBase,
  question: text,
  mode: z.enum(['single', 'multiple']),
  options: z.array(pollOptionSchema).min(2),
  /** Shown once the student has answered, e.g. what the record says for a fact-check poll. */
  afterAnswer: text.optional(),
});

export const scaleItemSchema = z.object({
  kind: z.literal('scale'),
  ...itemBase,
  /** A statement to agree or disagree with on the five points of SCALE_LABELS (lesson-constants). */
  statement: text,
});

export const scenarioResolutionSchema = z.object({
  /** Whether the scenario happened by the forecast's horizon. */
  happened: z.boolean(),
  /** The date of the event that settles it (or of the horizon when nothing happened). */
  date: isoDate,
  /** What happened, in one sentence. */
  text,
});

export const forecastScenarioSchema = z.object({
  id,
  /** For a drafted scenario: what would count as yes. */
  ...drafted,
  statement: text,
  /**
   * The lesson's reading of the article: the probability, in percent, the text seems to give the
   * scenario, and in one line why the lesson reads it so. Left out when the text gives no view.
   */
  lessonReading: z
    .object({
      probability: z.number().min(0).max(100),
      reason: oneLine,
    })
    .optional(),
  /**
   * What happened, once it is known. Left out while it is not (a forecast about the future):
   * the lesson can be published, and the scenario is scored once it is resolved.
   */
  resolution: scenarioResolutionSchema.optional(),
});

export const forecastItemSchema = z.object({
  kind: z.literal('forecast'),
  ...itemBase,
  question: text,
  /** The date the forecast is made "as of" (the student imagines standing there). */
  asOf: isoDate,
  /** The date by which each scenario has happened or not. */
  horizon: isoDate,
  scenarios: z.array(forecastScenarioSchema).min(1),
});

export const claimCategorySchema = z.enum(CLAIM_CATEGORIES);

export const claimSchema = z.object({
  id,
  /** For a drafted claim: the cue that decided its category, e.g. `Prediction: "is expected to"`. */
  ...drafted,
  /** A sentence or phrase quoted verbatim from the lesson's article text. */
  quote: text,
  expected: claimCategorySchema,
  explanation: text,
});

export const claimCheckItemSchema = z.object({
  kind: z.literal('claimCheck'),
  ...itemBase,
  instructions: text,
  claims: z.array(claimSchema).min(1),
});

export const rubricCriterionSchema = z
  .object({
    id,
    /** What the teacher looks for, e.g. "Answers one claim of the article with evidence". */
    criterion: text,
    /** The most points it can earn, 1 to WRITING_POINTS_MAX. */
    points: z.number().int().min(1).max(WRITING_POINTS_MAX),
    /**
     * What the work looks like at each level, level 1 first: one descriptor per point, as the
     * teacher scores by choosing a level (level k earns k points; 0 is "not shown"). Left out,
     * the teacher types the points.
     */
    levels: z
      .array(
        oneLine.max(RUBRIC_LEVEL_TEXT_MAX, `must be at most ${RUBRIC_LEVEL_TEXT_MAX} characters`),
      )
      .optional(),
  })
  .superRefine((criterion, ctx) => {
    const { levels, points } = criterion;
    if (levels === undefined || levels.length === points) return;
    ctx.addIssue({
      code: 'custom',
      message: rubricLevelsMessage(levels.length, points),
      path: ['levels'],
    });
  });

/** Why a criterion's levels do not fit its points, in the teacher's words. */
export function rubricLevelsMessage(levels: number, points: number): string {
  const given = levels === 1 ? '1 level' : `${levels} levels`;
  return `has ${given}, but the criterion is worth ${points} ${points === 1 ? 'point' : 'points'}: give one level for each point (level 1 to ${points}), or none`;
}

export const writingItemSchema = z.object({
  kind: z.literal('writing'),
  ...itemBase,
  /** The writing task, e.g. a letter to the editor answering the article. */
  task: text,
  /** The suggested length of the piece, in words. */
  minWords: z.number().int().positive().optional(),
  /** What the teacher scores it on: one to WRITING_CRITERIA_MAX criteria. */
  rubric: z.array(rubricCriterionSchema).min(1).max(WRITING_CRITERIA_MAX),
  /** A model answer, shown to the student with the teacher's feedback. */
  modelAnswer: text,
});

export const seedStatementSchema = z.object({
  id,
  text: oneLine.max(STATEMENT_TEXT_MAX, `must be at most ${STATEMENT_TEXT_MAX} characters`),
});

/**
 * Class statements (as on Pol.is): students write short statements answering the question and
 * vote agree, disagree or pass on their classmates', one at a time; the class's opinion map
 * groups them by their votes. Only a live class can take part: students alone read it.
 */
export const statementsItemSchema = z.object({
  kind: z.literal('statements'),
  ...itemBase,
  question: text,
  /** The teacher's own statements, there to vote on before students add theirs. */
  seedStatements: z.array(seedStatementSchema).max(SEED_STATEMENTS_MAX),
  /** Students' statements wait for the teacher's approval before classmates see them. */
  requireApproval: z.boolean(),
});

export const itemSchema = z.discriminatedUnion('kind', [
  promptItemSchema,
  pollItemSchema,
  scaleItemSchema,
  forecastItemSchema,
  claimCheckItemSchema,
  writingItemSchema,
  statementsItemSchema,
]);

/** A section's minutes are not written: lesson-duration.ts computes them from its content. */
export const sectionSchema = z.object({
  id,
  ...drafted,
  title: text,
  paragraphs: z.array(paragraphSchema).min(1),
  items: z.array(itemSchema).min(1),
  /** A short recap the teacher can publish after discussion (and self-study shows). */
  summary: text,
  /** For the teacher only: what to listen for, a follow-up question (may be none). */
  teacherNotes: z.array(text),
});

export const glossaryTermSchema = z.object({
  id,
  ...drafted,
  term: text,
  /** The forms in which the term appears in the article text, e.g. ["redlines"]. */
  matches: z.array(text).min(1),
  definition: text,
});

/**
 * A BCP 47 language tag in its usual case: a language of 2 or 3 lowercase letters (ISO 639),
 * then optionally a script of 4 letters, capitalised ("Hant"), and a region of 2 capitals or 3
 * digits ("CA", "419"): "en", "es", "fr-CA", "zh-Hant-TW", "es-419".
 */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|\d{3}))?$/;

export const languageSchema = z
  .string()
  .regex(
    LANGUAGE_TAG,
    'must be a BCP 47 language tag: a language code of 2 or 3 lowercase letters, then optionally a region, e.g. "en", "es" or "fr-CA"',
  );

export const lessonMetadataSchema = z.object({
  ...drafted,
  title: text,
  subtitle: text,
  /** The language of the article and the lesson, set as `lang` on the student's page. */
  language: languageSchema,
  source: z.object({
    publication: text,
    /** The article's own headline, as published. */
    headline: text,
    published: text,
    authorDescription: text,
    /** A link to the article: http or https only (a `javascript:` address would run a script). */
    url: z
      .url({
        protocol: /^https?$/i,
        error: 'must be a web address starting with http:// or https://',
      })
      .optional(),
    /** How the lesson may use the article, e.g. "Used with the publisher's permission". */
    permission: text.optional(),
  }),
});

/** An item's list whose entries have ids of their own: its field, what an entry is, the list. */
function itemEntries(
  item: z.infer<typeof itemSchema>,
): [field: string, kind: string, entries: readonly { id: string }[]] {
  switch (item.kind) {
    case 'poll':
      return ['options', 'option', item.options];
    case 'forecast':
      return ['scenarios', 'scenario', item.scenarios];
    case 'claimCheck':
      return ['claims', 'claim', item.claims];
    case 'writing':
      return ['rubric', 'criterion', item.rubric];
    case 'statements':
      return ['seedStatements', 'seed', item.seedStatements];
    case 'prompt':
    case 'scale':
      return ['', '', []];
  }
}

export const lessonSchema = z
  .object({
    schemaVersion: z.literal(LESSON_SCHEMA_VERSION),
    id,
    metadata: lessonMetadataSchema,
    sections: z.array(sectionSchema).min(1),
    glossary: z.array(glossaryTermSchema),
  })
  .superRefine((lesson, ctx) => {
    const seen = new Map<string, string>();
    /** `scope` keeps apart ids that only have to differ within one item. */
    const claim = (value: string, path: (string | number)[], scope = '') => {
      const previous = seen.get(`${scope}${value}`);
      if (previous) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate id "${value}" (already used at ${previous})`,
          path,
        });
      } else {
        seen.set(`${scope}${value}`, path.join('.'));
      }
    };
    lesson.sections.forEach((section, s) => {
      claim(`section:${section.id}`, ['sections', s, 'id']);
      section.items.forEach((item, i) => {
        claim(`item:${item.id}`, ['sections', s, 'items', i, 'id']);
        // Answers and scores name these ids: a repeated one would be counted twice, or never.
        const [field, kind, entries] = itemEntries(item);
        entries.forEach((entry, k) => {
          claim(`${kind}:${entry.id}`, ['sections', s, 'items', i, field, k, 'id'], `${s}:${i}:`);
        });
      });
    });
    lesson.glossary.forEach((term, g) => {
      claim(`term:${term.id}`, ['glossary', g, 'id']);
    });
  });

export type Lesson = z.infer<typeof lessonSchema>;
export type LessonMetadata = z.infer<typeof lessonMetadataSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Paragraph = z.infer<typeof paragraphSchema>;
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item['kind'];
export type PromptItem = z.infer<typeof promptItemSchema>;
export type PollItem = z.infer<typeof pollItemSchema>;
export type ScaleItem = z.infer<typeof scaleItemSchema>;
export type ForecastItem = z.infer<typeof forecastItemSchema>;
export type ForecastScenario = z.infer<typeof forecastScenarioSchema>;
export type ClaimCheckItem = z.infer<typeof claimCheckItemSchema>;
export type WritingItem = z.infer<typeof writingItemSchema>;
export type StatementsItem = z.infer<typeof statementsItemSchema>;
export type SeedStatement = z.infer<typeof seedStatementSchema>;
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;
export type ClaimCategory = z.infer<typeof claimCategorySchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
