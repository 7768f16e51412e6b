import type { FastifyPluginCallback } from 'fastify';
import { formatAnswerText } from '#domain/lesson/format-answer';
import { checkRubricScores } from '#domain/lesson/rubric';
import { getItemQuestion } from '#domain/lesson/item-question';
import { endpoints } from '#domain/api/endpoints';
import { toCsv } from '#domain/reports/csv';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { findItem } from '../lessons/lesson-items';
import { classForecastScores, toTeacherWallResponses } from '../live/session-views';
import { WallKeys } from '../live/wall-keys';
import { listSessionAnswers } from '../repositories/answers.repository';
import { listSummaries } from '../repositories/class-sessions.repository';
import {
  listParticipants,
  listRemovedParticipants,
  participantLabel,
} from '../repositories/participants.repository';
import { listSpeakingTurns } from '../repositories/speaking-turns.repository';
import { findStudentRecord } from '../repositories/student-data.repository';
import { listSessionReplies } from '../repositories/wall-replies.repository';
import {
  listWritingFeedback,
  saveWritingFeedback,
} from '../repositories/writing-feedback.repository';

/** Under /api/sessions: what a session leaves behind: its report, transcripts and the export. */
export const reportRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, config, hub } = app;
  const wallKeys = new WallKeys(config.cookieSecret);

  addRoute(app, endpoints.report, async ({ caller: { session, lesson } }) => {
    const [participants, removed, summaries, answers, removedAnswers, feedback, turns, replies] =
      await Promise.all([
        listParticipants(db, session.id),
        listRemovedParticipants(db, session.id),
        listSummaries(db, session.id),
        listSessionAnswers(db, session.id),
        listSessionAnswers(db, session.id, { includeRemoved: true }),
        listWritingFeedback(db, session.id),
        listSpeakingTurns(db, session.id),
        listSessionReplies(db, session.id),
      ]);
    const answeredByItem = new Map<string, number>();
    const answeredByParticipant = new Map<string, number>();
    for (const a of answers) {
      answeredByItem.set(a.itemId, (answeredByItem.get(a.itemId) ?? 0) + 1);
      answeredByParticipant.set(
        a.participantId,
        (answeredByParticipant.get(a.participantId) ?? 0) + 1,
      );
    }
    return {
      sessionId: session.id,
      lessonId: session.lessonId,
      lessonTitle: lesson.metadata.title,
      lessonVersion: session.lessonVersion,
      participants: participants.map((p) => ({
        id: p.id,
        label: p.label,
        joinedAt: p.joinedAt,
        answers: answeredByParticipant.get(p.id) ?? 0,
      })),
      sections: lesson.sections.map((section) => ({
        sectionId: section.id,
        items: section.items.map((item) => ({
          itemId: item.id,
          answered: answeredByItem.get(item.id) ?? 0,
        })),
        summary: summaries.find((s) => s.sectionId === section.id)?.text ?? null,
      })),
      responses: toTeacherWallResponses(
        lesson,
        answers,
        replies,
        await wallKeys.forSession(db, session),
      ),
      forecastScores: await classForecastScores(db, lesson, session.id, answers),
      writing: answers.flatMap((a) => {
        if (a.answer.kind !== 'writing') return [];
        const given = feedback.find(
          (f) => f.itemId === a.itemId && f.participantId === a.participantId,
        );
        return [
          {
            itemId: a.itemId,
            participantId: a.participantId,
            label: participantLabel(a.displayName, a.nameNumber),
            text: a.answer.text,
            feedback: given
              ? {
                  itemId: given.itemId,
                  scores: given.scores,
                  comment: given.comment,
                  releasedAt: given.releasedAt,
                }
              : null,
          },
        ];
      }),
      speakingTurns: turns,
      removedParticipants: removed.map((p) => ({
        id: p.id,
        label: p.label,
        joinedAt: p.joinedAt,
        answers: removedAnswers.filter((a) => a.participantId === p.id).length,
      })),
    };
  });

  addRoute(
    app,
    endpoints.scoreWriting,
    async ({ params: { itemId, participantId }, body, caller: { session, lesson } }) => {
      const item = findItem(lesson, itemId)?.item;
      if (item?.kind !== 'writing') {
        throw new ApiError(
          404,
          'item_not_found',
          `"${itemId}" is not a writing task of this lesson.`,
          'itemId',
        );
      }
      const wrote = (await listSessionAnswers(db, session.id, { participantId })).find(
        (a) => a.itemId === itemId && a.answer.kind === 'writing',
      );
      if (!wrote) {
        throw new ApiError(
          404,
          'not_found',
          'That student has not handed in this writing task in this session.',
        );
      }
      const problem = checkRubricScores(item, body.scores);
      if (problem) throw new ApiError(400, 'invalid_input', `scores: ${problem}`, 'scores');
      const saved = await saveWritingFeedback(db, {
        sessionId: session.id,
        participantId,
        itemId,
        scores: body.scores,
        comment: body.comment,
        release: body.release,
      });
      await hub.publish(
        session.id,
        { to: 'participant', participantId },
        { type: 'feedback.released', itemId },
      );
      return {
        itemId: saved.itemId,
        scores: saved.scores,
        comment: saved.comment,
        releasedAt: saved.releasedAt,
      };
    },
  );

  addRoute(
    app,
    endpoints.transcript,
    async ({ params: { participantId }, caller: { session } }) => {
      // Removed students too: their answers are still stored, and the teacher may be asked for them.
      const participant = await findStudentRecord(db, session.id, participantId);
      if (!participant)
        throw new ApiError(404, 'not_found', 'That student is not in this session.');
      const answers = await listSessionAnswers(db, session.id, {
        participantId,
        includeRemoved: true,
      });
      return {
        participant: {
          id: participant.id,
          label: participant.label,
          joinedAt: participant.joinedAt,
        },
        entries: answers.map((a) => ({
          itemId: a.itemId,
          answer: a.answer,
          updatedAt: a.updatedAt,
        })),
      };
    },
  );

  addRoute(app, endpoints.answersCsv, async ({ caller: { session, lesson } }, _request, reply) => {
    const answers = await listSessionAnswers(db, session.id);
    const sectionIndex = new Map(lesson.sections.map((s, i) => [s.id, i]));
    const rows = answers.flatMap((a) => {
      const found = findItem(lesson, a.itemId);
      if (!found) return [];
      return [
        [
          participantLabel(a.displayName, a.nameNumber),
          (sectionIndex.get(found.section.id) ?? 0) + 1,
          found.section.title,
          a.itemId,
          found.item.kind,
          getItemQuestion(found.item),
          formatAnswerText(found.item, a.answer),
          a.updatedAt,
        ],
      ];
    });
    const csv = toCsv(
      [
        'student',
        'section',
        'section_title',
        'item_id',
        'item_kind',
        'question',
        'answer',
        'answered_at',
      ],
      rows,
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="session-${session.joinCode}-answers.csv"`,
      )
      .header('cache-control', 'no-store')
      .send(csv);
  });
  done();
};
