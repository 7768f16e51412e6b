import type { Item, Lesson, Section } from '../../../domain/lesson/lesson-schema';

/** An item of the lesson by id, with its section. */
export function findLessonItem(
  lesson: Lesson,
  itemId: string,
): { readonly section: Section; readonly item: Item } | undefined {
  for (const section of lesson.sections) {
    const item = section.items.find((i) => i.id === itemId);
    if (item) return { section, item };
  }
  return undefined;
}
