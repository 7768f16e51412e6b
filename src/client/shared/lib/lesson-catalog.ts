import type { Lesson } from '../../../domain/lesson/lesson-schema';
import { soleimaniLesson } from '../../../domain/lessons/soleimani-lesson';

/** The lessons the client can show, by id: the same ones the server offers. */
export const LESSONS: readonly Lesson[] = [soleimaniLesson];

export function findLesson(lessonId: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === lessonId);
}

/**
 * The lesson a dashboard answer is about when it names the lesson by title (the projector and the
 * report do): by title, else the lesson that has the given section.
 */
export function findLessonByTitle(lessonTitle: string, sectionId?: string): Lesson | undefined {
  return (
    LESSONS.find((lesson) => lesson.metadata.title === lessonTitle) ??
    LESSONS.find((lesson) => lesson.sections.some((s) => s.id === sectionId))
  );
}

/** An item of the lesson by id, with its section. */
export function findLessonItem(lesson: Lesson, itemId: string) {
  for (const section of lesson.sections) {
    const item = section.items.find((i) => i.id === itemId);
    if (item) return { section, item };
  }
  return undefined;
}
