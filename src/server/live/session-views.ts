import type { Answer } from '#domain/lesson/answers';
import type { Lesson } from '#domain/lesson/lesson-schema';
import type {
  ClassWallReply,
  ClassWallResponse,
  ForecastScores,
  ProjectorView,
  TeacherWallReply,
  TeacherWallResponse,
  WallResponse,
} from '#domain/api/dashboard-contracts';
import { answerKeyOf } from '#domain/lesson/answer-keys';
import { computeForecastScores, forecastScoresForStudent } from '#domain/live/forecast-scores';
import { computeItemResults } from '#domain/live/item-results';
import type {
  ItemResults,
  ItemState,
  SessionSummary,
  StudentSessionView,
  TeacherSessionView,
} from '#domain/api/live-contracts';
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
import { listSessionReplies, type WallReplyRecord } from '../repositories/wall-replies.repository';
import { listWritingFeedback } from '../repositories/writing-feedback.repository';
import type { ResponseIdOf } from './response-ids';
import type { SessionWall } from './wall-keys';

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

/** Who wrote a response or a reply. */
interface Author {
  readonly participantId: string;
  readonly displayName: string;
  readonly nameNumber: number;
}

/** An author as classmates and the projector see them, by the session's choice. */
function classLabel(wall: SessionWall, author: Author): string | null {
  switch (wall.identity) {
    case 'names':
      return participantLabel(author.displayName, author.nameNumber);
    case 'pseudonyms':
      return wall.pseudonyms.get(author.participantId) ?? null;
    case 'anonymous':
      return null;
  }
}

const realLabel = (author: Author) => participantLabel(author.displayName, author.nameNumber);

const responseKey = (participantId: string, itemId: string) => `${participantId}\n${itemId}`;

/** Replies by the response they answer, each list oldest first (as the repository reads them). */
function repliesByResponse(replies: readonly WallReplyRecord[]): Map<string, WallReplyRecord[]> {
  const byResponse = new Map<string, WallReplyRecord[]>();
  for (const reply of replies) {
    const key = responseKey(reply.responseParticipantId, reply.itemId);
    const list = byResponse.get(key) ?? [];
    list.push(reply);
    byResponse.set(key, list);
  }
  return byResponse;
}

const replyAuthor = (reply: WallReplyRecord): Author => ({
  participantId: reply.authorId,
  displayName: reply.authorDisplayName,
  nameNumber: reply.authorNameNumber,
});

/** A reply as a classmate sees it: the author as the session shows them, no author id. */
export function toClassWallReply(
  reply: WallReplyRecord,
  wall: SessionWall,
  viewerId: string,
): ClassWallReply {
  return {
    replyId: reply.id,
    kind: reply.kind,
    text: reply.text,
    label: classLabel(wall, replyAuthor(reply)),
    createdAt: reply.createdAt,
    isMine: reply.authorId === viewerId,
  };
}

/** A reply as the teacher sees it: the real name, and the pseudonym when one is shown. */
export function toTeacherWallReply(reply: WallReplyRecord, wall: SessionWall): TeacherWallReply {
  return {
    replyId: reply.id,
    kind: reply.kind,
    text: reply.text,
    label: realLabel(replyAuthor(reply)),
    createdAt: reply.createdAt,
    participantId: reply.authorId,
    pseudonym: wall.pseudonyms.get(reply.authorId) ?? null,
    isHidden: reply.isHidden,
  };
}

function toWallResponse(
  record: SessionAnswerRecord,
  label: string | null,
  responseIdOf: ResponseIdOf,
): WallResponse {
  return {
    responseId: responseIdOf(record.participantId, record.itemId),
    label,
    itemId: record.itemId,
    text: record.answer.kind === 'prompt' ? record.answer.text : '',
    isHidden: record.isHidden,
    isSpotlighted: record.isSpotlighted,
    updatedAt: record.updatedAt,
  };
}

/** Open responses as the projector sees them: no author id, the author as the session shows. */
export function toWallResponses(
  lesson: Lesson,
  answers: readonly SessionAnswerRecord[],
  wall: SessionWall,
): WallResponse[] {
  return openResponses(lesson, answers).map((record) =>
    toWallResponse(record, classLabel(wall, record), wall.responseIdOf),
  );
}

/** Open responses as the teacher's views show them: names, the author's id, every reply. */
export function toTeacherWallResponses(
  lesson: Lesson,
  answers: readonly SessionAnswerRecord[],
  replies: readonly WallReplyRecord[],
  wall: SessionWall,
): TeacherWallResponse[] {
  const byResponse = repliesByResponse(replies);
  return openResponses(lesson, answers).map((record) => ({
    ...toWallResponse(record, realLabel(record), wall.responseIdOf),
    participantId: record.participantId,
    pseudonym: wall.pseudonyms.get(record.participantId) ?? null,
    replies: (byResponse.get(responseKey(record.participantId, record.itemId)) ?? []).map((reply) =>
      toTeacherWallReply(reply, wall),
    ),
  }));
}

/**
 * The open responses a student's wall holds (hidden ones included: the caller leaves them
 * out): answers to prompts the teacher revealed, and only those the student answered too
 * (answer first).
 */
export function classWallAnswers(
  lesson: Lesson,
  answers: readonly SessionAnswerRecord[],
  options: {
    readonly revealed: ReadonlySet<string>;
    readonly answeredByViewer: ReadonlySet<string>;
  },
): SessionAnswerRecord[] {
  return openResponses(lesson, answers).filter(
    (a) => options.revealed.has(a.itemId) && options.answeredByViewer.has(a.itemId),
  );
}

/** The open response a wall knows by this opaque id, hidden or not; undefined when none. */
export function findOpenResponse(
  lesson: Lesson,
  answers: readonly SessionAnswerRecord[],
  responseIdOf: ResponseIdOf,
  responseId: string,
): SessionAnswerRecord | undefined {
  return openResponses(lesson, answers).find(
    (a) => responseIdOf(a.participantId, a.itemId) === responseId,
  );
}

/** Open responses on one student's wall: their own marked, replies the teacher left, no ids. */
function toClassWallResponses(
  visible: readonly SessionAnswerRecord[],
  replies: readonly WallReplyRecord[],
  wall: SessionWall,
  viewerId: string,
): ClassWallResponse[] {
  const byResponse = repliesByResponse(replies.filter((r) => !r.isHidden));
  return visible.map((record) => ({
    ...toWallResponse(record, classLabel(wall, record), wall.responseIdOf),
    isMine: record.participantId === viewerId,
    replies: (byResponse.get(responseKey(record.participantId, record.itemId)) ?? []).map((reply) =>
      toClassWallReply(reply, wall, viewerId),
    ),
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
    wallIdentity: session.wallIdentity,
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
  sessionWall: SessionWall,
): Promise<StudentSessionView> {
  const [stored, summaries, myAnswers, answers, feedback, replies] = await Promise.all([
    listItemStates(db, session.id),
    listSummaries(db, session.id),
    listParticipantAnswers(db, participant.id),
    listSessionAnswers(db, session.id),
    listWritingFeedback(db, session.id, { participantId: participant.id, releasedOnly: true }),
    listSessionReplies(db, session.id),
  ]);
  const revealed = new Set(stored.filter((s) => s.isRevealed).map((s) => s.itemId));
  // Answer first: a prompt's classmates' responses reach a student once they have answered it.
  const answeredByViewer = new Set(myAnswers.map((a) => a.itemId));
  // A hidden response leaves classmates' walls; its author keeps it, marked hidden, so it does
  // not vanish from their screen without a word.
  const wall = toClassWallResponses(
    classWallAnswers(lesson, answers, { revealed, answeredByViewer }).filter(
      (a) => !a.isHidden || a.participantId === participant.id,
    ),
    replies,
    sessionWall,
    participant.id,
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
    wallIdentity: {
      mode: sessionWall.identity,
      myPseudonym: sessionWall.pseudonyms.get(participant.id) ?? null,
    },
    forecastScores: classScores.map((scores) =>
      forecastScoresForStudent(scores, myForecasts.get(scores.itemId)),
    ),
    writingFeedback: feedback.map(({ itemId, scores, comment, releasedAt }) => ({
      itemId,
      scores,
      comment,
      releasedAt,
    })),
    answerKeys: [...new Set([...revealed, ...feedback.map((f) => f.itemId)])].flatMap((itemId) => {
      const key = answerKeyOf(lesson, itemId);
      return key ? [key] : [];
    }),
  };
}

export async function buildProjectorView(
  db: Queryable,
  lesson: Lesson,
  session: ClassSessionRecord,
  joinUrl: string,
  sessionWall: SessionWall,
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
      sessionWall,
    ),
    summary: summaries.find((s) => s.sectionId === session.currentSectionId)?.text ?? null,
    // The screen shows the class's figures only, never one student's score.
    forecastScores: classScores.map(({ students: _s, ...scores }) => scores),
  };
}
