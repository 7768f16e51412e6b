import type { Answer } from '../lesson/answers';
import { findItem } from '../lesson/lesson-items';
import type { Lesson } from '../lesson/lesson-schema';
import type {
  ClassWallReply,
  ClassWallResponse,
  TeacherWallReply,
  TeacherWallResponse,
  WallResponse,
} from '../api/dashboard-contracts';
import { participantLabel } from './participant-label';
import type { WallIdentity } from './wall-identity';
import type { WallReplyKind } from './wall-replies';

/** The opaque id of one student's response to one prompt in one session. */
export type ResponseIdOf = (participantId: string, itemId: string) => string;

/** What one session's walls need to name responses and their authors without leaking ids. */
export interface SessionWall {
  readonly identity: WallIdentity;
  readonly responseIdOf: ResponseIdOf;
  /** Participant id to pseudonym; empty unless the session shows pseudonyms. */
  readonly pseudonyms: ReadonlyMap<string, string>;
  /**
   * The teacher chose "names hidden from me too" (political opinions): the teacher's views show
   * authors as the class does (a pseudonym or nothing), with no participant id.
   */
  readonly hidesNamesFromTeacher: boolean;
}

/** One student's stored answer, with its author, as the walls read it. */
interface WallAnswer {
  readonly participantId: string;
  readonly displayName: string;
  readonly nameNumber: number;
  readonly itemId: string;
  readonly answer: Answer;
  readonly isHidden: boolean;
  readonly isSpotlighted: boolean;
  readonly updatedAt: string;
}

/** The teacher's or a classmate's reply to one response, with its author's name. */
export interface WallReply {
  readonly id: string;
  readonly itemId: string;
  /** Whose response it answers: the response is that student's answer to itemId. */
  readonly responseParticipantId: string;
  readonly authorId: string;
  readonly authorDisplayName: string;
  readonly authorNameNumber: number;
  readonly kind: WallReplyKind;
  readonly text: string;
  readonly isHidden: boolean;
  readonly createdAt: string;
}

/** The answers that are open responses: non-empty answers to the lesson's prompts. */
function openResponses<A extends WallAnswer>(lesson: Lesson, answers: readonly A[]): A[] {
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

/** Replies by the response they answer, each list in the order given (oldest first). */
function repliesByResponse(replies: readonly WallReply[]): Map<string, WallReply[]> {
  const byResponse = new Map<string, WallReply[]>();
  for (const reply of replies) {
    const key = responseKey(reply.responseParticipantId, reply.itemId);
    const list = byResponse.get(key) ?? [];
    list.push(reply);
    byResponse.set(key, list);
  }
  return byResponse;
}

const replyAuthor = (reply: WallReply): Author => ({
  participantId: reply.authorId,
  displayName: reply.authorDisplayName,
  nameNumber: reply.authorNameNumber,
});

/** A reply as a classmate sees it: the author as the session shows them, no author id. */
export function toClassWallReply(
  reply: WallReply,
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
export function toTeacherWallReply(reply: WallReply, wall: SessionWall): TeacherWallReply {
  if (wall.hidesNamesFromTeacher) {
    return {
      replyId: reply.id,
      kind: reply.kind,
      text: reply.text,
      label: classLabel(wall, replyAuthor(reply)),
      createdAt: reply.createdAt,
      participantId: reply.id,
      pseudonym: null,
      isHidden: reply.isHidden,
    };
  }
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
  record: WallAnswer,
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
  answers: readonly WallAnswer[],
  wall: SessionWall,
): WallResponse[] {
  return openResponses(lesson, answers).map((record) =>
    toWallResponse(record, classLabel(wall, record), wall.responseIdOf),
  );
}

/** Open responses as the teacher's views show them: names, the author's id, every reply. */
export function toTeacherWallResponses(
  lesson: Lesson,
  answers: readonly WallAnswer[],
  replies: readonly WallReply[],
  wall: SessionWall,
): TeacherWallResponse[] {
  const byResponse = repliesByResponse(replies);
  const hides = wall.hidesNamesFromTeacher;
  return openResponses(lesson, answers).map((record) => ({
    ...toWallResponse(
      record,
      hides ? classLabel(wall, record) : realLabel(record),
      wall.responseIdOf,
    ),
    // Names hidden from the teacher: the response is known by its opaque id only.
    participantId: hides
      ? wall.responseIdOf(record.participantId, record.itemId)
      : record.participantId,
    pseudonym: hides ? null : (wall.pseudonyms.get(record.participantId) ?? null),
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
export function classWallAnswers<A extends WallAnswer>(
  lesson: Lesson,
  answers: readonly A[],
  options: {
    readonly revealed: ReadonlySet<string>;
    readonly answeredByViewer: ReadonlySet<string>;
  },
): A[] {
  return openResponses(lesson, answers).filter(
    (a) => options.revealed.has(a.itemId) && options.answeredByViewer.has(a.itemId),
  );
}

/** The open response a wall knows by this opaque id, hidden or not; undefined when none. */
export function findOpenResponse<A extends WallAnswer>(
  lesson: Lesson,
  answers: readonly A[],
  responseIdOf: ResponseIdOf,
  responseId: string,
): A | undefined {
  return openResponses(lesson, answers).find(
    (a) => responseIdOf(a.participantId, a.itemId) === responseId,
  );
}

/** Open responses on one student's wall: their own marked, replies the teacher left, no ids. */
export function toClassWallResponses(
  visible: readonly WallAnswer[],
  replies: readonly WallReply[],
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
