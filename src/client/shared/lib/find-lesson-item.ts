import type { StudentLesson } from '#domain/lesson/answer-key-schemas';

/**
 * An item of the lesson by id, with its section: of the teacher's whole lesson or of a
 * student's copy without its answer keys, as given.
 */
export function findLessonItem<L extends StudentLesson>(
  lesson: L,
  itemId: string,
):
  | {
      readonly section: L['sections'][number];
      readonly item: L['sections'][number]['items'][number];
    }
  | undefined {
  for (const section of lesson.sections) {
    const item = section.items.find((i) => i.id === itemId);
    if (item) return { section, item };
  }
  return undefined;
}
