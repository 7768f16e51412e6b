import type { FastifyPluginCallback } from 'fastify';
import { checkAnswerForItem } from '#domain/lesson/check-answer';
import { endpoints } from '#domain/api/endpoints';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { findItem, findSection } from '../lessons/lesson-items';
import { AnswerCommitter } from '../live/answer-committer';
import { buildStudentView } from '../live/session-views';
import { WallKeys } from '../live/wall-keys';
import { setParticipantSection } from '../repositories/participants.repository';

/** Under /api/sessions: a joined student's view, answers and (self-paced) progress. */
export const studentRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub, lessons, limiters, config } = app;
  const wallKeys = new WallKeys(config.cookieSecret);
  const answers = new AnswerCommitter(db, app.log);

  addRoute(app, endpoints.studentView, async ({ caller: { participant, session } }) => {
    const { lesson } = await lessons.ofSession(session);
    const wall = await wallKeys.forSession(db, session);
    return buildStudentView(db, lesson, session, participant, wall);
  });

  addRoute(app, endpoints.submitAnswer, async ({ params, body: input, caller }) => {
    const { participant, session } = caller;
    const { id, itemId } = params;
    limiters.answer.take(participant.id);
    const { lesson } = await lessons.ofSession(session);
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
    const held = await answers.commit({
      session,
      sectionId: found.section.id,
      isPrompt: found.item.kind === 'prompt',
      participantId: participant.id,
      itemId,
      submissionId: input.submissionId,
      revision: input.revision,
      answer: input.answer,
    });
    hub.answerRecorded(id);
    // A response to a prompt whose wall the class already sees: classmates' walls refresh.
    if (held.isOnWall) hub.wallChanged(id, itemId);
    return { itemId, submissionId: held.submissionId, revision: held.revision };
  });

  addRoute(app, endpoints.reportProgress, async ({ params: { id }, body, caller }) => {
    const { participant, session } = caller;
    const { sectionId } = body;
    limiters.progress.take(participant.id);
    if (session.mode !== 'self-paced' || session.status === 'ended') {
      throw new ApiError(
        409,
        session.status === 'ended' ? 'session_ended' : 'invalid_input',
        session.status === 'ended'
          ? 'The session has ended.'
          : 'In a teacher-paced session the teacher chooses the section.',
      );
    }
    const { lesson } = await lessons.ofSession(session);
    if (!findSection(lesson, sectionId)) {
      throw new ApiError(
        404,
        'section_not_found',
        `This lesson has no section "${sectionId}".`,
        'sectionId',
      );
    }
    // Only a move is stored and told: a repeated report of the same section adds no event.
    if (participant.currentSectionId !== sectionId) {
      await setParticipantSection(db, participant.id, sectionId);
      await hub.publish(
        id,
        { to: 'teacher' },
        { type: 'participant.progressed', participantId: participant.id, sectionId },
      );
    }
    return undefined;
  });
  done();
};
