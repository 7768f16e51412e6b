import { getItemQuestion } from '#domain/lesson/item-question';
import type { StudentLesson as Lesson } from '#domain/lesson/answer-key-schemas';
import type { ItemState, StudentSessionView } from '#domain/api/live-contracts';

/** "Section 3 of 8: The red line": what a student hears when the class moves on. */
export function describeSection(lesson: Lesson, sectionId: string | null): string | null {
  const index = lesson.sections.findIndex((s) => s.id === sectionId);
  const section = lesson.sections[index];
  if (!section) return null;
  return `Section ${index + 1} of ${lesson.sections.length}: ${section.title}`;
}

function describeItemChange(
  question: string,
  before: ItemState | undefined,
  after: ItemState | undefined,
): string[] {
  const messages: string[] = [];
  const wasOpen = before?.status === 'open';
  if (after?.status === 'open' && !wasOpen) {
    messages.push(
      before?.status === 'closed'
        ? `Question reopened: ${question}`
        : `Question opened: ${question}`,
    );
  }
  if (after?.status === 'closed' && wasOpen) messages.push(`Question closed: ${question}`);
  if (after?.isRevealed === true && before?.isRevealed !== true) {
    messages.push(`Results revealed: ${question}`);
  }
  return messages;
}

function describeSummaryChanges(
  lesson: Lesson,
  before: StudentSessionView,
  after: StudentSessionView,
): string[] {
  return lesson.sections.flatMap((section) => {
    const was = before.summaries.find((s) => s.sectionId === section.id);
    const is = after.summaries.find((s) => s.sectionId === section.id);
    if (is && !was) return [`Summary published for “${section.title}”.`];
    if (is && was && is.text !== was.text) return [`Summary updated for “${section.title}”.`];
    if (was && !is) return [`Summary withdrawn for “${section.title}”.`];
    return [];
  });
}

/** Replies from classmates to the student's own responses. */
const repliesToMe = (view: StudentSessionView) =>
  view.wall
    .filter((response) => response.isMine)
    .reduce((sum, response) => sum + response.replies.filter((r) => !r.isMine).length, 0);

function describeNewReplies(before: StudentSessionView, after: StudentSessionView): string[] {
  const added = repliesToMe(after) - repliesToMe(before);
  if (added <= 0) return [];
  return [
    added === 1
      ? 'A classmate replied to your response.'
      : `${added} new replies to your response.`,
  ];
}

/**
 * What the teacher changed between two versions of the student's view, as the sentences a
 * screen reader should say. Comparing views rather than counting events means a refetch that
 * brings nothing new (or the same change a second time) says nothing. A section change is said
 * alone; questions already open in the new section are said when the refetch brings them.
 */
export function describeSessionChanges(
  lesson: Lesson,
  before: StudentSessionView,
  after: StudentSessionView,
): string[] {
  if (before.session.status !== 'ended' && after.session.status === 'ended') {
    return ['The session has ended. Your answers were saved.'];
  }
  if (after.session.status === 'ended') return [];
  if (
    after.session.mode === 'teacher-paced' &&
    before.session.currentSectionId !== after.session.currentSectionId
  ) {
    const section = describeSection(lesson, after.session.currentSectionId);
    return section === null ? [] : [section];
  }
  const items = lesson.sections.flatMap((section) => section.items);
  const itemMessages = items.flatMap((item) =>
    describeItemChange(
      getItemQuestion(item),
      before.itemStates.find((s) => s.itemId === item.id),
      after.itemStates.find((s) => s.itemId === item.id),
    ),
  );
  return [
    ...itemMessages,
    ...describeSummaryChanges(lesson, before, after),
    ...describeNewReplies(before, after),
  ];
}
