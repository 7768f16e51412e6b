import type { Item, Lesson, Section } from './lesson-schema';

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
