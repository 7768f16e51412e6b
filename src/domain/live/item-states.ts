import type { ItemState } from '../api/live-contracts';
import type { Lesson } from '../lesson/lesson-schema';
import type { SessionMode } from './live-constants';

/** What of a session decides which items its students meet, and in which state. */
interface PacedSession {
  readonly mode: SessionMode;
  readonly currentSectionId: string;
}

/**
 * An item's state as students meet it: in a self-paced session every item is open until the
 * teacher closes it; in a teacher-paced one it waits until the teacher opens it.
 */
export function effectiveItemState(
  session: Pick<PacedSession, 'mode'>,
  itemId: string,
  stored: ItemState | undefined,
): ItemState {
  return (
    stored ?? {
      itemId,
      status: session.mode === 'self-paced' ? 'open' : 'pending',
      isRevealed: false,
    }
  );
}

/** Every item's state in lesson order, the stored ones as stored, the others by the mode. */
export function allItemStates(
  lesson: Lesson,
  session: Pick<PacedSession, 'mode'>,
  stored: readonly ItemState[],
): ItemState[] {
  const storedById = new Map(stored.map((s) => [s.itemId, s]));
  return lesson.sections.flatMap((section) =>
    section.items.map((item) => effectiveItemState(session, item.id, storedById.get(item.id))),
  );
}

/** Which items a student may see: the current section's opened ones, or all when self-paced. */
export function visibleItemStates(
  lesson: Lesson,
  session: PacedSession,
  stored: readonly ItemState[],
): ItemState[] {
  const storedById = new Map(stored.map((s) => [s.itemId, s]));
  const sections =
    session.mode === 'self-paced'
      ? lesson.sections
      : lesson.sections.filter((s) => s.id === session.currentSectionId);
  return sections
    .flatMap((section) =>
      section.items.map((item) => effectiveItemState(session, item.id, storedById.get(item.id))),
    )
    .filter((state) => state.status !== 'pending');
}
