import { ApiError } from '../lib/api-error';
import { parseLesson } from '../../domain/lesson/parse-lesson';
import type { Item, Lesson, Section } from '../../domain/lesson/lesson-schema';
import { soleimaniLesson } from '../../domain/lessons/soleimani-lesson';

/** The lessons a teacher can run, validated once at start-up. */
export class LessonCatalog {
  private readonly lessons: ReadonlyMap<string, Lesson>;

  constructor(lessons: readonly unknown[]) {
    const parsed = lessons.map((lesson, index) => parseLesson(lesson, `lesson #${index + 1}`));
    this.lessons = new Map(parsed.map((lesson) => [lesson.id, lesson]));
  }

  list(): Lesson[] {
    return [...this.lessons.values()];
  }

  find(id: string): Lesson | undefined {
    return this.lessons.get(id);
  }
}

export function findSection(lesson: Lesson, sectionId: string): Section | undefined {
  return lesson.sections.find((s) => s.id === sectionId);
}

export function findItem(
  lesson: Lesson,
  itemId: string,
): { item: Item; section: Section } | undefined {
  for (const section of lesson.sections) {
    const item = section.items.find((i) => i.id === itemId);
    if (item) return { item, section };
  }
  return undefined;
}

export const createDefaultLessonCatalog = () => new LessonCatalog([soleimaniLesson]);

/** The lesson a session runs; gone only if the catalogue no longer has it. */
export function requireLessonOf(lessons: LessonCatalog, session: { readonly lessonId: string }) {
  const lesson = lessons.find(session.lessonId);
  if (!lesson) {
    throw new ApiError(
      404,
      'lesson_not_found',
      `Lesson ${session.lessonId} is no longer available.`,
    );
  }
  return lesson;
}
