import type { ClassWallReply, TeacherWallReply } from '#domain/api/dashboard-contracts';
import type { Lesson } from '#domain/lesson/lesson-schema';
import {
  WALL_REPLIES_PER_RESPONSE_MAX,
  WALL_REPLIES_PER_SESSION_MAX,
  type WallReplyKind,
} from '#domain/live/wall-replies';
import { findOpenResponse, toClassWallReply, toTeacherWallReply } from '#domain/live/wall-views';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import type { LiveHub } from '../live/live-hub';
import { listParticipantAnswers, listSessionAnswers } from '../repositories/answers.repository';
import { listItemStates, type ClassSessionRecord } from '../repositories/class-sessions.repository';
import type { ParticipantRecord } from '../repositories/participants.repository';
import { addWallReply, setWallReplyHidden } from '../repositories/wall-replies.repository';
import type { WallKeys } from './wall-keys';

/**
 * Students reply to each other's responses on the class's wall, and the teacher hides
 * replies. A student may reply to exactly what their own wall shows them.
 */
export class WallReplies {
  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    private readonly wallKeys: WallKeys,
  ) {}

  async reply(
    lesson: Lesson,
    session: ClassSessionRecord,
    participant: ParticipantRecord,
    input: { readonly responseId: string; readonly kind: WallReplyKind; readonly text: string },
  ): Promise<ClassWallReply> {
    if (session.status === 'ended') {
      throw new ApiError(409, 'session_ended', 'The session has ended; the wall takes no replies.');
    }
    const [stored, myAnswers, answers, wall] = await Promise.all([
      listItemStates(this.db, session.id),
      listParticipantAnswers(this.db, participant.id),
      listSessionAnswers(this.db, session.id),
      this.wallKeys.forSession(session),
    ]);
    const response = findOpenResponse(lesson, answers, wall.responseIdOf, input.responseId);
    if (!response) {
      throw new ApiError(
        404,
        'not_found',
        'There is no such response on the wall of this session.',
        'responseId',
      );
    }
    // The same rules as the wall the student is shown (SessionViews.studentView), each with
    // its reason.
    if (!stored.some((s) => s.itemId === response.itemId && s.isRevealed)) {
      throw new ApiError(
        403,
        'forbidden',
        'Your teacher has not shown the class the responses to this question yet.',
      );
    }
    if (!myAnswers.some((a) => a.itemId === response.itemId)) {
      throw new ApiError(
        403,
        'forbidden',
        "Answer this question yourself first; then you can reply to your classmates' responses.",
      );
    }
    if (response.participantId === participant.id) {
      throw new ApiError(
        403,
        'forbidden',
        'This is your own response: reply to a classmate’s, or change your answer instead.',
      );
    }
    if (response.isHidden) {
      throw new ApiError(
        404,
        'not_found',
        'Your teacher has hidden this response from the wall; it takes no replies.',
        'responseId',
      );
    }
    const added = await addWallReply(this.db, {
      sessionId: session.id,
      itemId: response.itemId,
      responseParticipantId: response.participantId,
      authorId: participant.id,
      kind: input.kind,
      text: input.text,
      perResponseMax: WALL_REPLIES_PER_RESPONSE_MAX,
      perSessionMax: WALL_REPLIES_PER_SESSION_MAX,
    });
    if (added === 'response-full' || added === 'session-full') {
      throw new ApiError(
        409,
        'invalid_input',
        added === 'response-full'
          ? `This response already has ${WALL_REPLIES_PER_RESPONSE_MAX} replies, the most it takes.`
          : `This session's wall already holds ${WALL_REPLIES_PER_SESSION_MAX} replies, the most it keeps.`,
      );
    }
    // Coalesced with the answers arriving meanwhile: the class's walls refetch once.
    this.hub.wallChanged(session.id, response.itemId);
    return toClassWallReply(added, wall, participant.id);
  }

  async setHidden(
    session: ClassSessionRecord,
    replyId: string,
    isHidden: boolean,
  ): Promise<TeacherWallReply> {
    const reply = await setWallReplyHidden(this.db, session.id, replyId, isHidden);
    if (!reply) {
      throw new ApiError(404, 'not_found', 'This session has no such reply.', 'replyId');
    }
    await this.hub.publish(
      session.id,
      { to: 'everyone' },
      { type: 'wall.changed', itemId: reply.itemId },
    );
    return toTeacherWallReply(reply, await this.wallKeys.forSession(session));
  }
}
