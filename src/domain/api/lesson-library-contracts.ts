import { z } from 'zod';
import { studentLessonSchema } from '../lesson/answer-key-schemas';
import { lessonSchema } from '../lesson/lesson-schema';
import { toSafeText } from '../live/safe-text';

/**
 * Shapes of the lesson library's API (a teacher's own lessons, the built-in ones, drafts,
 * published versions, sharing by link, import and export), shared by server and client; the
 * endpoints are in api-endpoints.ts.
 *
 * A library lesson has an id of its own (`lessonId`): a built-in lesson's is its file's id
 * (e.g. `soleimani-2020`), a teacher's is a random uuid. The lesson's content carries its own
 * `id` too (the file's); two library lessons may hold the same content id (one imported from
 * the other), so the library id is the one sessions and links use.
 *
 * A lesson has at most one draft (the teacher's work in progress, any JSON: it need not be a
 * valid lesson until it is published) and any number of published versions, numbered from 1,
 * which never change once published. A session pins the version it started with.
 */

export const LESSON_STATUSES = ['draft', 'published'] as const;

/** 1 MB, as an imported file: a draft is a lesson in the making, no bigger than one. */
export const LESSON_DRAFT_MAX_BYTES = 1024 * 1024;

export const lessonSummarySchema = z.object({
  lessonId: z.string(),
  title: z.string(),
  /** Built into the app: read-only, anyone may study it; a teacher duplicates it to change it. */
  builtIn: z.boolean(),
  /** `draft` until a first version is published. */
  status: z.enum(LESSON_STATUSES),
  /** The newest published version's number, or null before the first. */
  publishedVersion: z.number().int().positive().nullable(),
  /** A draft that differs from the newest published version waits to be published. */
  hasUnpublishedChanges: z.boolean(),
  archived: z.boolean(),
  /** When the draft or a version last changed (ISO). */
  updatedAt: z.string(),
  /** How many of this teacher's sessions ran (or run) a version of this lesson. */
  sessionCount: z.number().int().nonnegative(),
  sectionCount: z.number().int().nonnegative(),
  /** Minutes of the newest published version, or of a valid draft; null when not computable. */
  minutes: z
    .object({
      classroom: z.object({ core: z.number(), withExtensions: z.number() }),
      selfStudy: z.object({ core: z.number(), withExtensions: z.number() }),
    })
    .nullable(),
  /**
   * The key of the self-study link (`/s/<key>`), or null while the lesson is private. A
   * built-in lesson's key is its id; a teacher's is unguessable and can be withdrawn.
   */
  shareKey: z.string().nullable(),
});
export type LessonSummary = z.infer<typeof lessonSummarySchema>;

export const lessonLibrarySchema = z.object({ lessons: z.array(lessonSummarySchema) });
export type LessonLibrary = z.infer<typeof lessonLibrarySchema>;

/** One published version of a lesson, as students and sessions get it. */
export const lessonVersionSchema = z.object({
  lessonId: z.string(),
  versionId: z.string(),
  version: z.number().int().positive(),
  publishedAt: z.string(),
  lesson: lessonSchema,
});
export type LessonVersion = z.infer<typeof lessonVersionSchema>;

/**
 * A version as students get it: without the answer keys not yet due (src/domain/lesson/
 * answer-keys.ts). The session's teacher gets the same endpoint's full lesson, which fits it.
 */
export const studentLessonVersionSchema = lessonVersionSchema.extend({
  lesson: studentLessonSchema,
});
export type StudentLessonVersion = z.infer<typeof studentLessonVersionSchema>;

/** What the editor opens: the summary, the draft (any JSON) and the newest version. */
export const lessonDetailSchema = z.object({
  summary: lessonSummarySchema,
  /** The work in progress; null when there is none (a built-in lesson has none). */
  draft: z.unknown().nullable(),
  /** When the draft was last saved (ISO), or null. */
  draftSavedAt: z.string().nullable(),
  published: lessonVersionSchema.nullable(),
});
export type LessonDetail = z.infer<typeof lessonDetailSchema>;

/** A lesson nests about 8 levels deep (sections, items, claims, fields); 32 is ample. */
export const LESSON_DRAFT_MAX_DEPTH = 32;

/** How deeply arrays and objects nest in a JSON value, counted without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    deepest = Math.max(deepest, depth);
    // A value nested past the limit need not be walked further: it is refused anyway.
    if (depth > LESSON_DRAFT_MAX_DEPTH) break;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return deepest;
}

/** A draft: any JSON (a lesson in the making), not nested absurdly deep. */
const draftSchema = z.unknown().refine((value) => jsonDepth(value) <= LESSON_DRAFT_MAX_DEPTH, {
  message: `nests lists and groups more than ${LESSON_DRAFT_MAX_DEPTH} levels deep: no lesson does`,
});

/** A new lesson starts as a draft, e.g. built from a pasted article. */
export const createLessonRequestSchema = z.object({ draft: draftSchema });

export const saveDraftRequestSchema = z.object({
  draft: draftSchema,
  /**
   * The `draftSavedAt` the editor started from; when the stored draft is newer (saved from
   * another tab or device) the save is refused with 409 draft_conflict instead of overwriting it.
   * Omit to overwrite.
   */
  basedOn: z.iso
    .datetime({ offset: true, error: 'basedOn must be the draftSavedAt the editor read' })
    // PostgreSQL has no year 0; the editor only ever sends back a time the server gave it.
    .refine((time) => !time.startsWith('0000'), 'basedOn must be a time after the year 0')
    .nullable()
    .optional(),
});

export const saveDraftResponseSchema = z.object({ draftSavedAt: z.string() });

/** A problem of a lesson that cannot be published or imported, at a field path. */
export const lessonProblemSchema = z.object({
  /** e.g. `sections[2].items[0].options`; "" for the lesson as a whole. */
  path: z.string(),
  /** The line of the imported file, when the problem came from a file. */
  line: z.number().int().positive().nullable(),
  message: z.string(),
});
export type LessonProblem = z.infer<typeof lessonProblemSchema>;

/**
 * A refused publish or import: 422 with the problems, each at its field: the first 100
 * (MAX_REPORTED_PROBLEMS in lesson-file.ts), and how many more there are.
 */
export const lessonProblemsResponseSchema = z.object({
  error: z.object({
    code: z.literal('lesson_invalid'),
    message: z.string(),
    problems: z.array(lessonProblemSchema),
    /** Problems beyond those listed (0 when the list is whole; an older server leaves it out). */
    moreProblems: z.number().int().nonnegative().default(0),
  }),
});

/** An imported file, as its text (at most LESSON_FILE_MAX_BYTES of UTF-8). */
export const importLessonRequestSchema = z.object({ file: z.string() });

/** The most of a page (fetched or uploaded) or text a lesson is drafted from. */
export const ARTICLE_MAX_BYTES = 5 * 1024 * 1024;

/** A file's text, control characters made line breaks or dropped, as pasted text is. */
const articleText = (what: string) => z.string().min(1, `${what} is empty`).transform(toSafeText);
const fileName = z.string().trim().min(1).max(255).optional();

/**
 * The article a lesson is drafted from: a web address the server fetches, an uploaded `.html`
 * file, or text (a `.txt` or `.md` file, `#` lines of a `.md` being headings, or pasted text).
 */
export const draftFromArticleRequestSchema = z.union(
  [
    z.strictObject({ url: z.string().trim().min(1, 'the web address is empty').max(2048) }),
    z.strictObject({ html: articleText('the page'), fileName }),
    z.strictObject({ text: articleText('the text'), fileName }),
  ],
  {
    error:
      'send one of { url }, { html, fileName? } or { text, fileName? }: a web address, a page or a text',
  },
);

/**
 * A refused draft of an article in a language the drafter cannot read yet (422
 * unsupported_language): nothing is created; the language found and the extracted text come
 * back, to start the lesson by hand.
 */
export const unsupportedLanguageResponseSchema = z.object({
  error: z.object({
    code: z.literal('unsupported_language'),
    message: z.string(),
    field: z.enum(['url', 'html', 'text']),
    /** A BCP 47 primary language subtag, e.g. "es". */
    language: z.string(),
    article: z.object({ title: z.string(), paragraphs: z.array(z.string()) }),
  }),
});

export const archiveLessonRequestSchema = z.object({ archived: z.boolean() });
export const shareLessonRequestSchema = z.object({ shared: z.boolean() });

export const deleteLessonQuerySchema = z.object({
  /**
   * A lesson that sessions used is deleted with them only when this says how many: the number
   * the teacher confirmed. Otherwise 409 lesson_has_sessions says the number.
   */
  sessions: z.coerce.number().int().nonnegative().optional(),
});

/** The largest version number there can be (PostgreSQL's integer). */
export const LESSON_VERSION_MAX = 2_147_483_647;

export const lessonFileQuerySchema = z.object({
  /** A published version's number; the newest when omitted. */
  version: z.coerce
    .number()
    .int()
    .positive()
    // Version numbers are stored as 32-bit integers: none is larger.
    .max(LESSON_VERSION_MAX, `version must be at most ${LESSON_VERSION_MAX}`)
    .optional(),
});
