import { LESSON_SCHEMA_VERSION } from './lesson-schema';
import { migrateLessonV1ToV2 } from './migrations/lesson-v1-to-v2';
import { migrateLessonV2ToV3 } from './migrations/lesson-v2-to-v3';
import { migrateLessonV3ToV4 } from './migrations/lesson-v3-to-v4';
import { migrateLessonV4ToV5 } from './migrations/lesson-v4-to-v5';
import { migrateLessonV5ToV6 } from './migrations/lesson-v5-to-v6';
import { migrateLessonV6ToV7 } from './migrations/lesson-v6-to-v7';

/**
 * Step-by-step migrations of a lesson's JSON from one `schemaVersion` to the next, so a lesson
 * file exported by any earlier version of the app still imports.
 *
 * Each step knows two neighbouring shapes only; a file from version 1 read by an app at version 7
 * goes 1→2, 2→3, 3→4, 4→5, 5→6, 6→7, and the result is then validated by today's schema. Steps
 * receive plain JSON (never a validated lesson: the old shape is not today's type) and must not assume it is
 * valid: leave what they do not understand in place for the validation to report.
 *
 * To add version N+1:
 * 1. change the schema in lesson-schema.ts and set LESSON_SCHEMA_VERSION to N+1;
 * 2. append `{ from: N, to: N + 1, migrate }` to LESSON_MIGRATIONS, turning a version-N lesson
 *    into a version-N+1 one (a new required field gets a value, a renamed one moves); the step
 *    lives in migrations/lesson-vN-to-vN+1.ts with its own tests and its own copies of any
 *    numbers it uses;
 * 3. keep an exported version-N file in fixtures/ and test that it imports as expected;
 * 4. run `npm run lesson-schema` and describe the change in docs/lesson-format.md.
 * A step is never edited once released: files in the wild were written to it.
 */

export type JsonObject = Record<string, unknown>;

export interface LessonMigration {
  readonly from: number;
  readonly to: number;
  /** Version `from` in, version `to` out; the runner sets `schemaVersion` itself. */
  migrate(lesson: Readonly<JsonObject>): JsonObject;
}

/** Version 1 is the first version of the format. */
export const LESSON_MIGRATIONS: readonly LessonMigration[] = [
  // Section minutes instead of the lesson's estimatedMinutes; extension items; permission note.
  { from: 1, to: 2, migrate: migrateLessonV1ToV2 },
  // A forecast scenario's authorView { probability, basis } becomes lessonReading
  // { probability, reason }, the reason on one line.
  { from: 2, to: 3, migrate: migrateLessonV2ToV3 },
  // The `statements` item kind; a version-3 lesson is a version-4 lesson as it is.
  { from: 3, to: 4, migrate: migrateLessonV3ToV4 },
  // A forecast scenario may leave out its resolution until it is known; a version-4 lesson is a
  // version-5 lesson as it is.
  { from: 4, to: 5, migrate: migrateLessonV4ToV5 },
  // The lesson's language (metadata.language, "en" for every earlier lesson); section minutes
  // are computed from the content, so the written ones go. Optional `drafted` marks and
  // `guidance.searches`.
  { from: 5, to: 6, migrate: migrateLessonV5ToV6 },
  // A rubric criterion may describe its levels (`levels`, optional); a version-6 lesson is a
  // version-7 lesson as it is.
  { from: 6, to: 7, migrate: migrateLessonV6ToV7 },
];

export interface KnownVersions {
  oldest: number;
  current: number;
}

/**
 * The versions a list of migrations can bring to `current`.
 * @throws Error when the list is not one unbroken chain of single steps ending at `current`.
 */
export function knownLessonVersions(
  migrations: readonly LessonMigration[] = LESSON_MIGRATIONS,
  current: number = LESSON_SCHEMA_VERSION,
): KnownVersions {
  const oldest = current - migrations.length;
  migrations.forEach((step, i) => {
    if (step.from !== oldest + i || step.to !== step.from + 1) {
      throw new Error(
        `Lesson migration ${i} goes from ${step.from} to ${step.to}; expected ${oldest + i} to ${oldest + i + 1}`,
      );
    }
  });
  return { oldest, current };
}

/** How a teacher reads the versions an app knows: "version 1" or "versions 1 to 3". */
export function describeKnownVersions({ oldest, current }: KnownVersions): string {
  return oldest === current ? `version ${current}` : `versions ${oldest} to ${current}`;
}

/**
 * Brings a lesson's JSON from `fromVersion` to `current`, one step at a time, in order.
 * @throws RangeError when `fromVersion` is not a version the list knows.
 */
export function migrateLesson(
  lesson: Readonly<JsonObject>,
  fromVersion: number,
  migrations: readonly LessonMigration[] = LESSON_MIGRATIONS,
  current: number = LESSON_SCHEMA_VERSION,
): JsonObject {
  const known = knownLessonVersions(migrations, current);
  if (!Number.isInteger(fromVersion) || fromVersion < known.oldest || fromVersion > current) {
    throw new RangeError(
      `version ${fromVersion} is not one this app knows (it knows ${describeKnownVersions(known)})`,
    );
  }
  return migrations
    .slice(fromVersion - known.oldest)
    .reduce<JsonObject>((older, step) => ({ ...step.migrate(older), schemaVersion: step.to }), {
      ...lesson,
    });
}
