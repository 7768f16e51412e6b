/**
 * Lesson format version 3 → 4. Once released, never edit it (files in the wild are written to it).
 *
 * Version 4 adds an item kind, `statements` (class statements and their opinion map). Nothing of
 * version 3 changes shape, so a version-3 lesson is carried over as it is; the step exists so
 * that an app that knows version 3 only refuses a version-4 file by its number, rather than by
 * an item kind it has never heard of.
 */

type Json = Record<string, unknown>;

/** Version 3 in, version 4 out (the runner sets `schemaVersion`). */
export function migrateLessonV3ToV4(lesson: Readonly<Json>): Json {
  return { ...lesson };
}
