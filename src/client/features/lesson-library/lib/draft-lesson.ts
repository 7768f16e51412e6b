import {
  LESSON_SCHEMA_VERSION,
  paragraphRoleSchema,
  pollItemSchema,
  promptItemSchema,
  type ClaimCategory,
  type ClaimCheckItem,
  type ForecastItem,
  type ForecastScenario,
  type GlossaryTerm,
  type ItemKind,
  type Lesson,
  type LessonMetadata,
  type Paragraph,
  type PollItem,
  type PromptItem,
  type RubricCriterion,
  type ScaleItem,
  type Section,
  type SeedStatement,
  type StatementsItem,
  type WritingItem,
} from '#domain/lesson/lesson-schema';

/**
 * The lesson as the editor holds it while the teacher writes it: the lesson file's shape
 * (src/domain/lesson/lesson-schema.ts, whose types each draft type is made from), with every
 * field present so a form can show it, empty while unwritten (`''`, `null` for a number or an
 * unknown outcome). `readDraft` (read-draft.ts) makes one from any stored draft, however
 * incomplete; `toLessonJson` (lesson-json.ts) makes the lesson-shaped JSON that is saved and
 * published, leaving out what is still empty, so the schema names each missing field and an
 * optional one left empty is simply absent. New parts are made in new-draft-parts.ts.
 */

/** The lesson format a draft is written in: the domain's current one. */
export const DRAFT_SCHEMA_VERSION = LESSON_SCHEMA_VERSION;

export const PARAGRAPH_ROLES = paragraphRoleSchema.options;
export const PROMPT_LEVELS = promptItemSchema.shape.level.options;
export type PromptLevel = PromptItem['level'];
export const POLL_MODES = pollItemSchema.shape.mode.options;
export type { ClaimCategory };

export type DraftParagraph = Readonly<Paragraph>;

/**
 * An item as the editor holds it: the lesson item's `kind`, `id` and the named fields as they
 * are, and `extension` always present (true: extra work for a class with time left).
 */
type DraftItemOf<Item, Fields extends keyof Item> = Readonly<Pick<Item, Fields>> & {
  readonly extension: boolean;
} & DraftMark;

/**
 * A part the app drafted and the teacher has not reviewed: the note they read. Absent once
 * reviewed (edited or accepted), and on every part the teacher made.
 */
export interface DraftMark {
  readonly drafted?: string;
}

/** The guidance's fields, flattened: `null` and `''` while unset. */
export type DraftPrompt = DraftItemOf<PromptItem, 'kind' | 'id' | 'question' | 'level'> & {
  readonly minWords: number | null;
  readonly hint: string;
  /** How many searches a source-checking prompt asks for; null for none. */
  readonly searches: number | null;
};

export type DraftPollOption = Readonly<PollItem['options'][number]>;

export type DraftPoll = DraftItemOf<PollItem, 'kind' | 'id' | 'question' | 'mode'> & {
  readonly options: readonly DraftPollOption[];
  /** Shown once the student has answered; '' for none. */
  readonly afterAnswer: string;
};

export type DraftScale = DraftItemOf<ScaleItem, 'kind' | 'id' | 'statement'>;

type Resolution = NonNullable<ForecastScenario['resolution']>;
type LessonReading = NonNullable<ForecastScenario['lessonReading']>;

export type DraftResolution = Readonly<Omit<Resolution, 'happened'>> & {
  /** null: not known yet (the lesson cannot be published until it is). */
  readonly happened: boolean | null;
};

export type DraftLessonReading = Readonly<Omit<LessonReading, 'probability'>> & {
  /** null: no probability given (with an empty reason: no view given). */
  readonly probability: number | null;
};

export type DraftScenario = Readonly<Pick<ForecastScenario, 'id' | 'statement'>> &
  DraftMark & {
    /**
     * The lesson's reading of the article: the probability it seems to give the scenario and a
     * one-line reason; both empty when the article gives no view.
     */
    readonly lessonReading: DraftLessonReading;
    readonly resolution: DraftResolution;
  };

export type DraftForecast = DraftItemOf<
  ForecastItem,
  'kind' | 'id' | 'question' | 'asOf' | 'horizon'
> & { readonly scenarios: readonly DraftScenario[] };

export type DraftClaim = Readonly<Omit<ClaimCheckItem['claims'][number], 'expected' | 'drafted'>> &
  DraftMark & {
    readonly expected: ClaimCategory | '';
  };

export type DraftClaimCheck = DraftItemOf<ClaimCheckItem, 'kind' | 'id' | 'instructions'> & {
  readonly claims: readonly DraftClaim[];
};

export type DraftRubricCriterion = Readonly<Omit<RubricCriterion, 'points' | 'levels'>> & {
  readonly points: number | null;
  /** Level 1's descriptor first, one a line as the teacher types them; none: scored by points. */
  readonly levels: readonly string[];
};

export type DraftWriting = DraftItemOf<WritingItem, 'kind' | 'id' | 'task' | 'modelAnswer'> & {
  readonly minWords: number | null;
  readonly rubric: readonly DraftRubricCriterion[];
};

export type DraftSeedStatement = Readonly<SeedStatement>;

export type DraftStatements = DraftItemOf<
  StatementsItem,
  'kind' | 'id' | 'question' | 'requireApproval'
> & { readonly seedStatements: readonly DraftSeedStatement[] };

export type DraftItem =
  | DraftPrompt
  | DraftPoll
  | DraftScale
  | DraftForecast
  | DraftClaimCheck
  | DraftWriting
  | DraftStatements;
/**
 * Every kind the lesson knows. newItem (new-draft-parts.ts) makes a draft of each, so a kind added
 * to the domain without a draft shape fails to compile there.
 */
export type DraftItemKind = ItemKind;

export type DraftSection = Readonly<Pick<Section, 'id' | 'title' | 'summary'>> &
  DraftMark & {
    readonly paragraphs: readonly DraftParagraph[];
    readonly items: readonly DraftItem[];
    /** One note a line; blank lines are left out of the lesson. */
    readonly teacherNotes: readonly string[];
  };

export type DraftTerm = Readonly<Pick<GlossaryTerm, 'id' | 'term' | 'definition'>> &
  DraftMark & {
    /** The forms in which the term appears in the text; the term itself when none is given. */
    readonly matches: readonly string[];
  };

export type DraftMetadata = Readonly<Pick<LessonMetadata, 'title' | 'subtitle' | 'language'>> &
  DraftMark & {
    /** Every field of the article's source, the optional ones '' while unset. */
    readonly source: { readonly [Field in keyof LessonMetadata['source']]-?: string };
  };

export type DraftLesson = Readonly<Pick<Lesson, 'id'>> & {
  readonly metadata: DraftMetadata;
  readonly sections: readonly DraftSection[];
  readonly glossary: readonly DraftTerm[];
};
