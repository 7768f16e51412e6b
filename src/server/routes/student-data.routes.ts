import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { formatStudentDataMarkdown } from '#domain/reports/student-data-export';
import { joinUrlFor } from '../lib/join-url';
import { teacherActor } from '../services/audit-trail';
import { addRoute } from './contract-route';
import { sendAttachment } from './send-attachment';

/** A file name that is safe in a header and still says whose file it is. */
function fileNameFor(label: string, extension: string): string {
  const safe = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `student-${safe || 'data'}.${extension}`;
}

/** Under /api/sessions: one student's data, for a parent's request to see it or erase it. */
export const studentDataRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { config } = app;
  const { audit, studentData, views } = app.services;

  addRoute(
    app,
    endpoints.exportStudentData,
    async (
      { params: { participantId }, query, caller: { session, lesson, teacher } },
      request,
      reply,
    ) => {
      const { label, data } = await studentData.export(lesson, session, participantId);
      const isMarkdown = query.format === 'markdown';
      // Before the file goes: an export that cannot be recorded is not sent.
      await audit.record({
        actor: teacherActor(teacher),
        action: 'exported_student',
        sessionId: session.id,
        studentId: participantId,
        request,
        detail: isMarkdown ? 'student-data.md' : 'student-data.json',
      });
      return sendAttachment(reply, {
        contentType: isMarkdown
          ? 'text/markdown; charset=utf-8'
          : 'application/json; charset=utf-8',
        fileName: fileNameFor(label, isMarkdown ? 'md' : 'json'),
        body: isMarkdown ? formatStudentDataMarkdown(data) : JSON.stringify(data, null, 2),
      });
    },
  );

  addRoute(
    app,
    endpoints.deleteStudentData,
    async ({ params: { participantId }, caller: { session, lesson, teacher } }, request) => {
      await studentData.delete(session, participantId, { actor: teacherActor(teacher), request });
      return views.teacherView(lesson, session, joinUrlFor(config, request, session.joinCode));
    },
  );
  done();
};
