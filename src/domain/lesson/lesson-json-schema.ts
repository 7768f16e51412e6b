import { z } from 'zod';
import { CURRENT_LESSON_FILE_VERSION, lessonFileSchema } from './lesson-file';

/**
 * The lesson file's JSON Schema, generated from the zod schema so the two cannot disagree; it is
 * kept in public/lesson-file.schema.json (written by `npm run lesson-schema`, checked by a test)
 * and served at /lesson-file.schema.json, for editors and other programs that write lessons.
 *
 * Read as input: fields the app does not know are allowed (and dropped on import), as the
 * importer does. What JSON Schema cannot say, and the importer still checks, is in DESCRIPTION.
 */

export const LESSON_FILE_SCHEMA_ID = `urn:article-discussion:lesson-file:v${CURRENT_LESSON_FILE_VERSION}`;

const DESCRIPTION =
  'A lesson of Article Discussion: an article cut into sections, with questions, glossary and ' +
  'summaries (see docs/lesson-format.md). The app checks more than this schema can say: section ' +
  'ids are unique among sections, item ids among all items and glossary ids among glossary ' +
  'terms; text fields are trimmed before their length is checked, so text of blanks only is ' +
  'refused; a rubric criterion that describes its `levels` gives exactly one for each of its ' +
  '`points`; a part that still carries a `drafted` mark (drafted by the app, not yet reviewed ' +
  'by the teacher) is refused on import. It describes files of this schemaVersion; the app also imports files of older ' +
  'versions, migrating them first.';

export function lessonFileJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(lessonFileSchema, { io: 'input' });
  return {
    $schema,
    $id: LESSON_FILE_SCHEMA_ID,
    title: `Article Discussion lesson file, version ${CURRENT_LESSON_FILE_VERSION}`,
    description: DESCRIPTION,
    ...generated,
  };
}

/** The kept file's exact text. */
export function lessonFileJsonSchemaText(): string {
  return `${JSON.stringify(lessonFileJsonSchema(), null, 2)}\n`;
}
