import type { Answer } from '../../domain/lesson/answers';
import type { Lesson } from '../../domain/lesson/lesson-schema';
import type {
  ClassWallResponse,
  ForecastScores,
  ProjectorView,
  TeacherWallResponse,
  WallResponse,
} from '../../domain/live/dashboard-contracts';
import { computeForecastScores, forecastScoresForStudent } from '../../domain/live/forecast-scores';
import { computeItemResults } from '../../domain/live/item-results';
import type {
  ItemResults,
  ItemState,
  SessionSummary,
  StudentSessionView,
  TeacherSessionView,
} from '../../domain/live/live-contracts';
import type { Queryable } from '../db/database';
import { findItem, findSection } from '../lessons/lesson-items';
import {
  countAnswersByItem,
  listItemAnswers,
  listParticipantAnswers,
  listSessionAnswers,
  type SessionAnswerRecord,
} from '../repositories/answers.repository';
import {
  listForecastOutcomes,
  listItemStates,
  listSummaries,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import {
  listParticipants,
  participantLabel,
  toParticipant,
  type ParticipantRecord,
} from '../repositories/participants.repository';
import type { ResponseIdOf } from './response-ids';
import { listWritingFeedback } from '../repositories/writing-feedback.repository';

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
    lessonVersion: session.lessonVersion,
    mode: session.mode,
    status: session.status,
    joinCode: session.joinCode,
    currentSectionId: session.currentSectionId,
    createdAt: session.createdAt,
    endedAt: session.endedAt,
  };
}

function groupAnswersByItem(answers: readonly SessionAnswerRecord[]): Map<string, Answer[]> {
  const byItem = new Map<string, Answer[]>();
  for (const record of answers) {
    const list = byItem.get(record.itemId) ?? [];
    list.push(record.answer);
    byItem.set(record.itemId, list);
  }
  return byItem;
}

/** Results of the given items (or of every item with answers), from one read of the answers. */
export function resultsOf(
  lesson: Lesson,
  answers: readonly SessionAnswerRecord[],
  onlyItemIds?: ReadonlySet<string>,
): ItemResults[] {
  const results: ItemResults[] = [];
  for (const [itemId, itemAnswers] of groupAnswersByItem(answers)) {
    if (onlyItemIds && !onlyItemIds.has(itemId)) continue;
    const found = findItem(lesson, itemId);
    if (found) results.push(computeItemResults(found.item, itemAnswers));
  }
  return results;
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

/** The answers that are open responses: non-empty answers to the lesson's prompts. */
function openResponses(
  lesson: Lesson,
  answers: readonly SessionAnswerRecord[],
): SessionAnswerRecord[] {
  return answers.filter(
    (record) =>
      record.answer.kind === 'prompt' &&
      record.answer.text.trim() !== '' &&
      findItem(lesson, record.itemId)?.item.kind === 'prompt',
  );
}

function toWallResponse(
  record: SessionAnswerRecord,
  options: { readonly showLabels: boolean; readonly responseIdOf: ResponseIdOf },
): WallResponse {
  return {
    responseId: options.responseIdOf(record.participantId, record.itemId),
    label: options.showLabels ? participantLabel(record.displayName, record.nameNumber) : null,
    itemId: record.itemId,
    text: record.answer.kind === 'prompt' ? record.answer.text : '',
    isHidden: record.isHidden,
    isSpotlighted: record.isSpotlighted,
    updatedAt: record.updatedAt,
  };
}

/** Open responses as the class and the projector see them: no author id, names if shown. */
export function toWallResponses(
  lesson: Lesson,
  answers: readonly SessionAnswerRecord[],
  options: { readonly showLabels: boolean; readonly responseIdOf: ResponseIdOf },
): WallResponse[] {
  return openResponses(lesson, answers).map((record) => toWallResponse(record, options));
}

/** Open responses as the teacher's views show them: with names and the author's id. */
export function toTeacherWallResponses(
  lesson: Lesson,
  answers: readonly SessionAnswerRecord[],
  responseIdOf: ResponseIdOf,
): TeacherWallResponse[] {
  return openResponses(lesson, answers).map((record) => ({
    ...toWallResponse(record, { showLabels: true, responseIdOf }),
    participantId: record.participantId,
  }));
}

/** Open responses on one student's wall: their own marked, no one's id. */
function toClassWallResponses(
  lesson: Lesson,
  answers: readonly SessionAnswerRecord[],
  options: {
    readonly showLabels: boolean;
    readonly responseIdOf: ResponseIdOf;
    readonly viewerId: string;
  },
): ClassWallResponse[] {
  return openResponses(lesson, answers).map((record) => ({
    ...toWallResponse(record, options),
    isMine: record.participantId === options.viewerId,
  }));
}

/** The class's scores on every forecast whose outcomes the teacher has revealed. */
export async function classForecastScores(
  db: Queryable,
  lesson: Lesson,
  sessionId: string,
  answers: readonly SessionAnswerRecord[],
): Promise<ForecastScores[]> {
  const revealed = await listForecastOutcomes(db, sessionId);
  return revealed.flatMap(({ itemId, outcomes }) => {
    const found = findItem(lesson, itemId);
    if (found?.item.kind !== 'forecast') return [];
    const forecasts = answers.flatMap((record) =>
      record.itemId === itemId && record.answer.kind === 'forecast'
        ? [
            {
              participantId: record.participantId,
              label: participantLabel(record.displayName, record.nameNumber),
              probabilities: record.answer.probabilities,
            },
          ]
        : [],
    );
    return [computeForecastScores(found.item, outcomes, forecasts)];
  });
}

export async function buildTeacherView(
  db: Queryable,
  lesson: Lesson,
  session: ClassSessionRecord,
  joinUrl: string,
): Promise<TeacherSessionView> {
  const [participants, stored, summaries, answerCounts, answers] = await Promise.all([
    listParticipants(db, session.id),
    listItemStates(db, session.id),
    listSummaries(db, session.id),
    countAnswersByItem(db, session.id),
    listSessionAnswers(db, session.id),
  ]);
  const storedById = new Map(stored.map((s) => [s.itemId, s]));
  const itemStates = lesson.sections.flatMap((section) =>
    section.items.map((item) => effectiveItemState(session, item.id, storedById.get(item.id))),
  );
  return {
    session: toSessionSummary(session, lesson),
    joinUrl,
    showNames: session.showNames,
    participants: participants.map(toParticipant),
    itemStates,
    summaries,
    answerCounts,
    results: resultsOf(lesson, answers),
    forecastScores: await classForecastScores(db, lesson, session.id, answers),
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
  responseIdOf: ResponseIdOf,
): Promise<StudentSessionView> {
  const [stored, summaries, myAnswers, answers, feedback] = await Promise.all([
    listItemStates(db, session.id),
    listSummaries(db, session.id),
    listParticipantAnswers(db, participant.id),
    listSessionAnswers(db, session.id),
    listWritingFeedback(db, session.id, { participantId: participant.id, releasedOnly: true }),
  ]);
  const revealed = new Set(stored.filter((s) => s.isRevealed).map((s) => s.itemId));
  // Answer first: a prompt's classmates' responses reach a student once they have answered it.
  const answered = new Set(myAnswers.map((a) => a.itemId));
  const wall = toClassWallResponses(
    lesson,
    answers.filter((a) => revealed.has(a.itemId) && answered.has(a.itemId) && !a.isHidden),
    { showLabels: session.showNames, responseIdOf, viewerId: participant.id },
  );
  const myForecasts = new Map(
    myAnswers.flatMap((a) =>
      a.answer.kind === 'forecast' ? [[a.itemId, a.answer.probabilities]] : [],
    ),
  );
  const classScores = await classForecastScores(db, lesson, session.id, answers);
  const { joinCode: _code, ...summary } = toSessionSummary(session, lesson);
  return {
    session: summary,
    me: {
      id: participant.id,
      displayName: participant.displayName,
      label: participant.label,
      rejoinCode: participant.rejoinCode,
    },
    itemStates: visibleItemStates(lesson, session, stored),
    summaries,
    myAnswers,
    results: resultsOf(lesson, answers, revealed),
    wall,
    forecastScores: classScores.map((scores) =>
      forecastScoresForStudent(scores, myForecasts.get(scores.itemId)),
    ),
    writingFeedback: feedback.map(({ itemId, scores, comment, releasedAt }) => ({
      itemId,
      scores,
      comment,
      releasedAt,
    })),
  };
}

export async function buildProjectorView(
  db: Queryable,
  lesson: Lesson,
  session: ClassSessionRecord,
  joinUrl: string,
  responseIdOf: ResponseIdOf,
): Promise<ProjectorView> {
  const [participants, stored, summaries, answers] = await Promise.all([
    listParticipants(db, session.id),
    listItemStates(db, session.id),
    listSummaries(db, session.id),
    listSessionAnswers(db, session.id),
  ]);
  const current = findSection(lesson, session.currentSectionId);
  const currentItemIds = new Set(current?.items.map((i) => i.id) ?? []);
  const revealedHere = new Set(
    stored.filter((s) => s.isRevealed && currentItemIds.has(s.itemId)).map((s) => s.itemId),
  );
  const classScores = await classForecastScores(db, lesson, session.id, answers);
  return {
    lessonId: lesson.id,
    lessonTitle: lesson.metadata.title,
    joinCode: session.joinCode,
    joinUrl,
    status: session.status,
    participantCount: participants.length,
    currentSectionId: session.currentSectionId,
    results: resultsOf(lesson, answers, revealedHere),
    spotlight: toWallResponses(
      lesson,
      answers.filter((a) => a.isSpotlighted && !a.isHidden),
      { showLabels: session.showNames, responseIdOf },
    ),
    summary: summaries.find((s) => s.sectionId === session.currentSectionId)?.text ?? null,
    // The screen shows the class's figures only, never one student's score.
    forecastScores: classScores.map(({ students: _s, ...scores }) => scores),
  };
}
