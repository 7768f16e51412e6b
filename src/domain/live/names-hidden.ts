import type { Answer } from '../lesson/answers';
import { findItem } from '../lesson/lesson-items';
import type { Lesson } from '../lesson/lesson-schema';

/**
 * What a teacher who chose "names hidden from me too" reads where a student's answer would be.
 * The choice is per session and one way, so the note says so.
 */
export const NAMES_HIDDEN_NOTE =
  'Hidden: you chose names hidden from you for this session, so its discussion-prompt answers and class statements are not shown student by student.';

/**
 * Whether the "names hidden from me too" choice keeps this item's answers apart from the
 * student's name and id in the teacher's views: the wall's discussion prompts and the
 * class-statements items (opinion map). Their class-wide views stay, unnamed.
 */
export function isNamesHiddenAnswer(
  lesson: Lesson,
  stored: { readonly itemId: string; readonly answer: Answer },
): boolean {
  if (stored.answer.kind === 'prompt') return true;
  const kind = findItem(lesson, stored.itemId)?.item.kind;
  return kind === 'prompt' || kind === 'statements';
}
