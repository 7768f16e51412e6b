import type { Lesson } from '../../../domain/lesson/lesson-schema';
import { soleimaniLesson } from '../../../domain/lessons/soleimani-lesson';

/** The lessons the client can show, by id: the same ones the server offers. */
export const LESSONS: readonly Lesson[] = [soleimaniLesson];

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
