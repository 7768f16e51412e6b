/**
 * Lesson format version 4 → 5. Once released, never edit it (files in the wild are written to it).
 *
 * Version 5 lets a forecast scenario leave out its `resolution` while what happens is not known
 * yet. Nothing of version 4 changes shape, so a version-4 lesson is carried over as it is; the
 * step exists so that an app that knows version 4 only refuses a version-5 file by its number,
 * rather than by a resolution it finds missing.
 */

type Json = Record<string, unknown>;

/** Version 4 in, version 5 out (the runner sets `schemaVersion`). */
export function migrateLessonV4ToV5(lesson: Readonly<Json>): Json {
  return { ...lesson };
}
