import {
  getLessonProgress,
  getSectionProgress,
  isItemAnswered,
  type AnswersByItem,
} from '#domain/lesson/answers';
import type {
  StudentItem as Item,
  StudentLesson as Lesson,
  StudentSection as Section,
} from '#domain/lesson/answer-key-schemas';

/**
 * What the review and its Markdown may show without spoiling a question still to do. A
 * forecast's outcomes and a claim check's expected sorting show once the student has answered
 * that item in full or finished the lesson (every question answered or skipped); a section's
 * summary once its questions are answered or skipped, as on the section's own page.
 */
export interface Reveal {
  readonly isLessonFinished: boolean;
  readonly isItemRevealed: (item: Item) => boolean;
  readonly isSummaryOpen: (section: Section) => boolean;
}

export function getReveal(
  lesson: Lesson,
  answers: AnswersByItem,
  skippedItemIds: ReadonlySet<string>,
): Reveal {
  const progress = getLessonProgress(lesson, answers, skippedItemIds);
  const isLessonFinished = progress.doneItems === progress.totalItems;
  return {
    isLessonFinished,
    isItemRevealed: (item) => isLessonFinished || isItemAnswered(item, answers[item.id]),
    isSummaryOpen: (section) => getSectionProgress(section, answers, skippedItemIds).isComplete,
  };
}
