import { parseLesson } from '../parse-lesson';
import type { Lesson } from '../lesson-schema';
import lessonJson from './soleimani-2020.lesson.json' with { type: 'json' };

/**
 * The default lesson, built on a January 2020 op-ed in The Jerusalem Post, kept as a lesson file
 * (soleimani-2020.lesson.json, written by exportLessonFile: edit it as data) and checked against
 * the schema when this module loads.
 *
 * Section paragraphs quote the article verbatim (see soleimani-op-ed.txt; the photo caption the
 * page printed twice is kept once). Every other string is the project's own writing; facts after
 * January 2020 are limited to those in the project's lesson brief.
 *
 * @throws LessonValidationError at load if the file does not fit the schema.
 */
export const soleimaniLesson: Lesson = parseLesson(lessonJson, 'soleimani-2020');
