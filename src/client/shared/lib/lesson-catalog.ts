import type { Lesson } from '../../../domain/lesson/lesson-schema';
import { soleimaniLessonData } from '../../../domain/lessons/soleimani-lesson-data';

/**
 * The lessons the client can show, by id: the same ones the server offers (which checks them
 * against the schema; the client does not, to keep zod out of the student's first screen).
 */
export const LESSONS: readonly Lesson[] = [soleimaniLessonData];

export function findLesson(lessonId: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === lessonId);
}

/** An item of the lesson by id, with its section. */
export function findLessonItem(lesson: Lesson, itemId: string) {
  for (const section of lesson.sections) {
    const item = section.items.find((i) => i.id === itemId);
    if (item) return { section, item };
  }
  return undefined;
}
