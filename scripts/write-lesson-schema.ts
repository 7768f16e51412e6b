/**
 * Writes the lesson file's JSON Schema to public/lesson-file.schema.json (Vite copies it to
 * dist, so the app serves it at /lesson-file.schema.json). Run after changing the lesson schema:
 * npm run lesson-schema. The domain cannot write files, hence a script outside it.
 */
import { writeFileSync } from 'node:fs';
import { lessonFileJsonSchemaText } from '#domain/lesson/lesson-json-schema';

const target = new URL('../public/lesson-file.schema.json', import.meta.url);
writeFileSync(target, lessonFileJsonSchemaText());
console.log(`Wrote ${target.pathname}`);
