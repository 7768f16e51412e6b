/**
 * Lesson format version 5 → 6. Once released, never edit it (files in the wild are written to it).
 *
 * Version 6 records the lesson's language (`metadata.language`, required): every lesson before it
 * was written in English, so it gets "en". A section's `minutes` are gone: the app computes a
 * section's minutes from its content now, so the hand-written ones are dropped. (Version 6 also
 * adds optional fields, `drafted` marks and a prompt's `guidance.searches`, that a version-5
 * lesson has no need of.) Anything else is left as it is, for the validation to report.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The language every lesson of versions 1 to 5 was written in. */
const LANGUAGE_BEFORE_V6 = 'en';

function migrateSection(section: unknown): unknown {
  if (!isObject(section) || !('minutes' in section)) return section;
  const { minutes: _dropped, ...rest } = section;
  return rest;
}

/** Version 5 in, version 6 out (the runner sets `schemaVersion`). */
export function migrateLessonV5ToV6(lesson: Readonly<Json>): Json {
  const migrated: Json = { ...lesson };
  if (isObject(lesson.metadata) && !('language' in lesson.metadata)) {
    migrated.metadata = { ...lesson.metadata, language: LANGUAGE_BEFORE_V6 };
  }
  if (Array.isArray(lesson.sections)) migrated.sections = lesson.sections.map(migrateSection);
  return migrated;
}
