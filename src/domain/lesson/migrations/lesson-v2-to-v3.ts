/**
 * Lesson format version 2 → 3. Once released, never edit it (files in the wild are written to it).
 *
 * Version 3 renames a forecast scenario's `authorView: { probability, basis }` to
 * `lessonReading: { probability, reason }`: the number was always the lesson's reading of the
 * article, not one its author gave, and the reason is now one line (line breaks in an old
 * `basis` become spaces). Anything else is left as it is, for the validation to report.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const oneLine = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value;

function migrateScenario(scenario: unknown): unknown {
  if (!isObject(scenario) || !('authorView' in scenario)) return scenario;
  const { authorView, ...rest } = scenario;
  if (!isObject(authorView)) return { ...rest, lessonReading: authorView };
  const { basis, ...view } = authorView;
  const reading: Json = { ...view };
  if (basis !== undefined) reading.reason = oneLine(basis);
  return { ...rest, lessonReading: reading };
}

function migrateItem(item: unknown): unknown {
  if (!isObject(item) || item.kind !== 'forecast' || !Array.isArray(item.scenarios)) return item;
  return { ...item, scenarios: item.scenarios.map(migrateScenario) };
}

function migrateSection(section: unknown): unknown {
  if (!isObject(section) || !Array.isArray(section.items)) return section;
  return { ...section, items: section.items.map(migrateItem) };
}

/** Version 2 in, version 3 out (the runner sets `schemaVersion`). */
export function migrateLessonV2ToV3(lesson: Readonly<Json>): Json {
  if (!Array.isArray(lesson.sections)) return { ...lesson };
  return { ...lesson, sections: lesson.sections.map(migrateSection) };
}
