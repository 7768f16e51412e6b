/**
 * Lesson format version 6 → 7. Once released, never edit it (files in the wild are written to it).
 *
 * Version 7 lets a rubric criterion describe its levels (`levels`, one descriptor per point), so
 * the teacher scores by choosing a level. The field is optional and nothing of version 6 changes
 * shape, so a version-6 lesson is carried over as it is: its criteria are scored by points, as
 * before. The step exists so that an app that knows version 6 only refuses a version-7 file by
 * its number, rather than by a field it does not know.
 */

type Json = Record<string, unknown>;

/** Version 6 in, version 7 out (the runner sets `schemaVersion`). */
export function migrateLessonV6ToV7(lesson: Readonly<Json>): Json {
  return { ...lesson };
}
