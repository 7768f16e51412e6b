import type { Lesson } from '../../domain/lesson/lesson-schema';
import { computeItemResults } from '../../domain/live/item-results';
import type {
  ItemResults,
  ItemState,
  SessionSummary,
  StudentSessionView,
  TeacherSessionView,
} from '../../domain/live/live-contracts';
import type { Queryable } from '../db/database';
import {
  countAnswersByItem,
  listItemAnswers,
  listParticipantAnswers,
} from '../repositories/answers.repository';
import {
  listItemStates,
  listSummaries,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import { listParticipants, type ParticipantRecord } from '../repositories/participants.repository';
import { findItem, findSection } from '../lessons/lesson-catalog';

/**
 * An item's state as students meet it: in a self-paced session every item is open until the
 * teacher closes it; in a teacher-paced one it waits until the teacher opens it.
 */
export function effectiveItemState(
  session: Pick<ClassSessionRecord, 'mode'>,
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

export function toSessionSummary(session: ClassSessionRecord, lesson: Lesson): SessionSummary {
  return {
    id: session.id,
    lessonId: session.lessonId,
    lessonTitle: lesson.metadata.title,
    mode: session.mode,
    status: session.status,
    joinCode: session.joinCode,
    currentSectionId: session.currentSectionId,
    createdAt: session.createdAt,
    endedAt: session.endedAt,
  };
}

export async function getItemResults(
  db: Queryable,
  lesson: Lesson,
  sessionId: string,
  itemId: string,
): Promise<ItemResults | null> {
  const found = findItem(lesson, itemId);
  if (!found) return null;
  return computeItemResults(found.item, await listItemAnswers(db, sessionId, itemId));
}

export async function buildTeacherView(
  db: Queryable,
  lesson: Lesson,
  session: ClassSessionRecord,
  joinUrl: string,
): Promise<TeacherSessionView> {
  const [participants, stored, summaries, answerCounts] = await Promise.all([
    listParticipants(db, session.id),
    listItemStates(db, session.id),
    listSummaries(db, session.id),
    countAnswersByItem(db, session.id),
  ]);
  const storedById = new Map(stored.map((s) => [s.itemId, s]));
  const itemStates = lesson.sections.flatMap((section) =>
    section.items.map((item) => effectiveItemState(session, item.id, storedById.get(item.id))),
  );
  // Results for what the teacher is looking at: the current section and anything revealed.
  const current = findSection(lesson, session.currentSectionId);
  const resultItemIds = new Set([
    ...(current?.items.map((i) => i.id) ?? []),
    ...itemStates.filter((s) => s.isRevealed).map((s) => s.itemId),
  ]);
  const results: ItemResults[] = [];
  for (const itemId of resultItemIds) {
    if (!answerCounts[itemId]) continue;
    const itemResults = await getItemResults(db, lesson, session.id, itemId);
    if (itemResults) results.push(itemResults);
  }
  return {
    session: toSessionSummary(session, lesson),
    joinUrl,
    participants: participants.map(({ sessionId: _s, isRemoved: _r, ...p }) => p),
    itemStates,
    summaries,
    answerCounts,
    results,
  };
}

/** Which items a student may see: the current section's opened ones, or all when self-paced. */
export function visibleItemStates(
  lesson: Lesson,
  session: ClassSessionRecord,
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

export async function buildStudentView(
  db: Queryable,
  lesson: Lesson,
  session: ClassSessionRecord,
  participant: ParticipantRecord,
): Promise<StudentSessionView> {
  const [stored, summaries, myAnswers] = await Promise.all([
    listItemStates(db, session.id),
    listSummaries(db, session.id),
    listParticipantAnswers(db, participant.id),
  ]);
  const results: ItemResults[] = [];
  for (const state of stored.filter((s) => s.isRevealed)) {
    const itemResults = await getItemResults(db, lesson, session.id, state.itemId);
    if (itemResults) results.push(itemResults);
  }
  const { joinCode: _code, ...summary } = toSessionSummary(session, lesson);
  return {
    session: summary,
    me: { id: participant.id, displayName: participant.displayName, label: participant.label },
    itemStates: visibleItemStates(lesson, session, stored),
    summaries,
    myAnswers,
    results,
  };
}
