import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import {
  buildStudentDataExport,
  formatStudentDataMarkdown,
} from '#domain/reports/student-data-export';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { joinUrlFor } from '../lib/join-url';
import { buildTeacherView } from '../live/session-views';
import {
  countStudentEvents,
  deleteStudent,
  findStudentRecord,
  listStudentAnswers,
} from '../repositories/student-data.repository';
import {
  forgetStudentInMaps,
  listStudentStatements,
  listStudentVotes,
} from '../repositories/class-statements.repository';
import { listSpeakingTurns } from '../repositories/speaking-turns.repository';
import { listStudentReplies } from '../repositories/wall-replies.repository';
import { listWritingFeedback } from '../repositories/writing-feedback.repository';

const notInSession = () => new ApiError(404, 'not_found', 'That student is not in this session.');

/** A file name that is safe in a header and still says whose file it is. */
function fileNameFor(label: string, extension: string): string {
  const safe = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `student-${safe || 'data'}.${extension}`;
}

/**
 * Under /api/sessions: one student's data, for a parent's request to see it or erase it. Both
 * reach removed students too: removing keeps their answers stored, and they stay theirs.
 */
export const studentDataRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub, config } = app;

  addRoute(
    app,
    endpoints.exportStudentData,
    async ({ params: { participantId }, query, caller: { session, lesson } }, _request, reply) => {
      const student = await findStudentRecord(db, session.id, participantId);
      if (!student) throw notInSession();
      const [
        answers,
        writingFeedback,
        speakingTurns,
        statements,
        statementVotes,
        wallReplies,
        eventLogEntries,
      ] = await Promise.all([
        listStudentAnswers(db, participantId),
        listWritingFeedback(db, session.id, { participantId }),
        listSpeakingTurns(db, session.id, { participantId }),
        listStudentStatements(db, participantId),
        listStudentVotes(db, participantId),
        listStudentReplies(db, participantId),
        countStudentEvents(db, session.id, participantId),
      ]);
      const data = buildStudentDataExport({
        now: new Date(),
        lesson,
        session: {
          id: session.id,
          lessonId: session.lessonId,
          mode: session.mode,
          status: session.status,
          startedAt: session.createdAt,
          endedAt: session.endedAt,
        },
        student,
        answers,
        writingFeedback,
        speakingTurns,
        statements,
        statementVotes,
        wallReplies,
        eventLogEntries,
      });
      const isMarkdown = query.format === 'markdown';
      return reply
        .type(isMarkdown ? 'text/markdown; charset=utf-8' : 'application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${fileNameFor(student.label, isMarkdown ? 'md' : 'json')}"`,
        )
        .header('cache-control', 'no-store')
        .send(isMarkdown ? formatStudentDataMarkdown(data) : JSON.stringify(data, null, 2));
    },
  );

  addRoute(
    app,
    endpoints.deleteStudentData,
    async ({ params: { participantId }, caller: { session, lesson } }, request) => {
      const isDeleted = await db.transaction(async (tx) => {
        const found = await deleteStudent(tx, session.id, participantId);
        if (found) await forgetStudentInMaps(tx, session.id, participantId);
        return found;
      });
      if (!isDeleted) throw notInSession();
      await hub.endStudentStreams(session.id, participantId);
      await hub.publish(session.id, { to: 'everyone' }, { type: 'roster.changed' });
      return buildTeacherView(db, lesson, session, joinUrlFor(config, request, session.joinCode));
    },
  );
  done();
};
