import type { Lesson } from '../lesson/lesson-schema';
import lessonJson from './soleimani-2020.lesson.json' with { type: 'json' };

/**
 * The default lesson as its file holds it, without parsing it here: for the student's first
 * screen, which must not bundle zod (about 27 KB gzip). Everything else uses `soleimaniLesson`
 * (soleimani-lesson.ts), the same file parsed by the schema.
 *
 * The cast is checked where it can be: the server parses the file at start-up, and
 * soleimani-lesson.test.ts checks that parsing it changes nothing but drop `format`, so this is
 * the parsed lesson with one extra field.
 */
export const soleimaniLessonData = lessonJson as unknown as Lesson;
