import { z } from 'zod';
import { findUnsafeText } from '../live/unsafe-text';
import { DRAFTED_MESSAGE, findDraftedMarks } from './drafted-marks';
import { fieldInWords, parseFieldPath } from './field-words';
import { formatFieldPath, parseJsonWithLines } from './json-positions';
import { teacherMessage } from './lesson-file-messages';
import {
  describeKnownVersions,
  knownLessonVersions,
  LESSON_MIGRATIONS,
  migrateLesson,
  type JsonObject,
  type LessonMigration,
} from './lesson-migrations';
import { LESSON_SCHEMA_VERSION, lessonSchema, type Lesson } from './lesson-schema';

/**
 * The open lesson file: the lesson itself, as JSON, with a `format` field first that says what
 * the file is:
 *
 *   { "format": "article-discussion-lesson", "schemaVersion": 7, "id": …, "metadata": …, … }
 *
 * No envelope around the lesson: a lesson already carries its `schemaVersion`, and one number
 * in one place is what the migrations step from (an envelope would carry a second one that
 * could disagree). The same migrations can then bring a lesson stored in an older shape up to
 * date, whether it came from a file or not. See docs/lesson-format.md.
 */

export const LESSON_FILE_FORMAT = 'article-discussion-lesson';
export const CURRENT_LESSON_FILE_VERSION = LESSON_SCHEMA_VERSION;
/** 1 MB: the shipped lesson, a long article with everything in it, is about 60 KB. */
export const LESSON_FILE_MAX_BYTES = 1024 * 1024;

/** The file's schema: the lesson's, plus the `format` field. Its JSON Schema is generated from it. */
export const lessonFileSchema = lessonSchema.safeExtend({ format: z.literal(LESSON_FILE_FORMAT) });

export interface LessonFileProblem {
  /** The field, e.g. `sections[2].items[0].options`; "" for the file as a whole. */
  path: string;
  /** The line of the file where the field sits (or its nearest enclosing one), when known. */
  line: number | null;
  /** Reads after the path: "is missing: text in quotes expected". */
  message: string;
}

/**
 * The most problems a refusal lists: the first ones in the file, then how many more there are.
 * A hostile file can have one for every two bytes (500,000 in 1 MB, 50 MB of answer).
 */
export const MAX_REPORTED_PROBLEMS = 100;

export type LessonFileImport =
  | { ok: true; lesson: Lesson }
  | {
      ok: false;
      /** The first MAX_REPORTED_PROBLEMS problems, in the order of the file. */
      problems: LessonFileProblem[];
      /** How many problems there are beyond those listed. */
      moreProblems: number;
    };

/** Problems as a refusal lists them: the first MAX_REPORTED_PROBLEMS, and the count of the rest. */
export function boundProblems<T, P>(
  found: readonly T[],
  describe: (problem: T) => P,
): { problems: P[]; moreProblems: number } {
  const listed = found.slice(0, MAX_REPORTED_PROBLEMS);
  return { problems: listed.map(describe), moreProblems: found.length - listed.length };
}

/**
 * One problem as a line of text, the field named in the editor's words and then as the file
 * writes it: `Line 14, Section 1, summary (sections[0].summary): is missing: …`.
 */
export function describeLessonFileProblem({ path, line, message }: LessonFileProblem): string {
  const field = path ? `${fieldInWords(parseFieldPath(path))} (${path})` : '';
  if (line !== null) return `Line ${line}, ${field || 'the file'}: ${message}`;
  return field ? `${field}: ${message}` : `The file ${message}`;
}

/**
 * The file for a lesson: pretty JSON with a trailing newline, fields in the schema's order, so
 * exporting what was imported gives the same bytes.
 * @throws ZodError if the lesson does not fit the schema (a typed lesson can still repeat an id).
 */
export function exportLessonFile(lesson: Lesson): string {
  // Parsing puts the fields in the schema's order and drops any the schema does not know.
  const file = { format: LESSON_FILE_FORMAT, ...lessonSchema.parse(lesson) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** UTF-8 bytes, counted without TextEncoder (the domain uses the language's own globals only). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function formatSize(bytes: number): string {
  // Rounded up, so a file just over the limit does not read as the limit itself.
  if (bytes >= 1024 * 1024) return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const fileProblem = (message: string, line: number | null = null): LessonFileProblem => ({
  path: '',
  line,
  message,
});

/**
 * Reads a lesson file of any version this app knows, migrating it to today's shape.
 * Lists every problem it finds, each with its field path and line where it can.
 */
export function importLessonFile(
  text: string,
  options: {
    maxBytes?: number;
    /** The steps up to today's version; the real ones unless a test brings its own history. */
    migrations?: readonly LessonMigration[];
  } = {},
): LessonFileImport {
  const maxBytes = options.maxBytes ?? LESSON_FILE_MAX_BYTES;
  // A character is at least one byte: a long text is refused before it is counted.
  const size = text.length > maxBytes ? text.length : utf8Length(text);
  if (size > maxBytes) {
    return {
      ok: false,
      problems: [
        fileProblem(`is ${formatSize(size)}: a lesson file can be at most ${formatSize(maxBytes)}`),
      ],
      moreProblems: 0,
    };
  }

  const parsed = parseJsonWithLines(text);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: [
        fileProblem(
          `is not valid JSON: ${parsed.message} (line ${parsed.line}, column ${parsed.column})`,
          parsed.line,
        ),
      ],
      moreProblems: 0,
    };
  }
  const { value, lineOf } = parsed;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        fileProblem('should hold one lesson: a group of fields, not a list or a single value', 1),
      ],
      moreProblems: 0,
    };
  }
  const raw = value as JsonObject;
  const at = (path: readonly PropertyKey[], message: string): LessonFileProblem => ({
    path: formatFieldPath(path),
    line: lineOf(path),
    message,
  });

  // The file's kind and version come first: without them the rest cannot be read.
  const problems: LessonFileProblem[] = [];
  if (raw.format !== LESSON_FILE_FORMAT) {
    problems.push(
      at(
        ['format'],
        raw.format === undefined
          ? `is missing: a lesson file has "format": "${LESSON_FILE_FORMAT}"`
          : `is ${JSON.stringify(raw.format)}, not "${LESSON_FILE_FORMAT}": this is not a lesson file`,
      ),
    );
  }
  const { migrations = LESSON_MIGRATIONS } = options;
  const known = knownLessonVersions(migrations);
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    problems.push(
      at(
        ['schemaVersion'],
        `${version === undefined ? 'is missing' : 'must be a whole number'}: it says which version of the lesson format the file uses (this app reads ${describeKnownVersions(known)})`,
      ),
    );
  } else if (version < known.oldest || version > known.current) {
    const newer =
      version > known.current ? ': the file may come from a newer version of the app' : '';
    problems.push(
      at(
        ['schemaVersion'],
        `is ${version}, a version of the lesson format this app does not read (it reads ${describeKnownVersions(known)})${newer}`,
      ),
    );
  }
  if (problems.length > 0 || typeof version !== 'number') {
    return { ok: false, problems, moreProblems: 0 };
  }

  // Held to the rules of every other input: a NUL or a lone surrogate cannot even be stored.
  const unsafe = findUnsafeText(raw);
  if (unsafe) return { ok: false, problems: [at(unsafe.path, unsafe.problem)], moreProblems: 0 };

  let current: JsonObject;
  try {
    current = migrateLesson(raw, version, migrations);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [fileProblem(`could not be brought from version ${version} up to date: ${reason}`)],
      moreProblems: 0,
    };
  }

  // Paths name fields of today's shape and lines come from the file as written: after a migration
  // a moved field's line is its nearest enclosing field's.
  const result = lessonSchema.safeParse(current, { error: teacherMessage });
  // A drafted part the teacher has not reviewed is refused too, listed beside any other problem.
  const drafted = findDraftedMarks(current).map((path) => ({ path, message: DRAFTED_MESSAGE }));
  const issues = [...(result.success ? [] : result.error.issues), ...drafted];
  if (!result.success || issues.length > 0) {
    // Lines are found only for the problems listed.
    return { ok: false, ...boundProblems(issues, (i) => at(i.path, i.message)) };
  }
  return { ok: true, lesson: result.data };
}
