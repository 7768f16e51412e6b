import type { FastifyBaseLogger } from 'fastify';
import type { Lesson } from '#domain/lesson/lesson-schema';
import type { SubmitAnswerRequest } from '#domain/api/live-contracts';
import { checkAnswerForItem } from '#domain/lesson/check-answer';
import { findItem } from '#domain/lesson/lesson-items';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import type { Clock } from '../lib/clock';
import type { LiveHub } from '../live/live-hub';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import {
  setParticipantSection,
  type ParticipantRecord,
} from '../repositories/participants.repository';
import { AnswerCommitter } from './answer-committer';
import { requireSection } from './lesson-parts';

/** A joined student's answers and (self-paced) progress. */
export class StudentAnswers {
  private readonly committer: AnswerCommitter;

  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    log: FastifyBaseLogger,
    private readonly clock: Clock,
  ) {
    this.committer = new AnswerCommitter(db, log);
  }

  /** Checks an answer against its item and stores it; acknowledged only once committed. */
  async submit(
    lesson: Lesson,
    session: ClassSessionRecord,
    participant: ParticipantRecord,
    itemId: string,
    input: SubmitAnswerRequest,
  ): Promise<{ readonly submissionId: string; readonly revision: number }> {
    const found = findItem(lesson, itemId);
    if (!found) throw new ApiError(404, 'item_not_found', `This lesson has no item "${itemId}".`);
    const problem = checkAnswerForItem(found.item, input.answer);
    if (problem) {
      const field = `answer.${problem.field}`;
      throw new ApiError(400, 'invalid_input', `${field}: ${problem.message}.`, field);
    }
    if (session.status === 'ended') {
      throw new ApiError(409, 'session_ended', 'The session has ended; answers are closed.');
    }
    // Committed together with the answers arriving at the same time; acknowledged after commit.
    const held = await this.committer.commit({
      session,
      sectionId: found.section.id,
      isPrompt: found.item.kind === 'prompt',
      participantId: participant.id,
      itemId,
      submissionId: input.submissionId,
      revision: input.revision,
      answer: input.answer,
      madeAt: this.clock.now(),
    });
    this.hub.answerRecorded(session.id);
    // A response to a prompt whose wall the class already sees: classmates' walls refresh.
    if (held.isOnWall) this.hub.wallChanged(session.id, itemId);
    return held;
  }

  /** A self-paced student moved to a section: stored and told to the teacher, once per move. */
  async reportProgress(
    lesson: Lesson,
    session: ClassSessionRecord,
    participant: ParticipantRecord,
    sectionId: string,
  ): Promise<void> {
    if (session.mode !== 'self-paced' || session.status === 'ended') {
      throw new ApiError(
        409,
        session.status === 'ended' ? 'session_ended' : 'invalid_input',
        session.status === 'ended'
          ? 'The session has ended.'
          : 'In a teacher-paced session the teacher chooses the section.',
      );
    }
    requireSection(lesson, sectionId, 'sectionId');
    // Only a move is stored and told: a repeated report of the same section adds no event.
    if (participant.currentSectionId !== sectionId) {
      await setParticipantSection(this.db, participant.id, sectionId);
      await this.hub.publish(
        session.id,
        { to: 'teacher' },
        { type: 'participant.progressed', participantId: participant.id, sectionId },
      );
    }
  }
}
