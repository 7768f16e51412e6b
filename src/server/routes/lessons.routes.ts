import type { FastifyPluginCallback } from 'fastify';
import { exportLessonFile } from '../../domain/lesson/lesson-file';
import { endpoints } from '../../domain/live/api-endpoints';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';

/** Under /api/lessons: what a teacher can start a session with. */
export const lessonRoutes: FastifyPluginCallback = (app, _options, done) => {
  addRoute(app, endpoints.listLessons, () => ({
    lessons: app.lessons.list().map((lesson) => ({
      id: lesson.id,
      title: lesson.metadata.title,
      sections: lesson.sections.length,
    })),
  }));

  addRoute(app, endpoints.lessonFile, ({ params: { lessonId } }, _request, reply) => {
    const lesson = app.lessons.find(lessonId);
    if (!lesson) {
      throw new ApiError(404, 'lesson_not_found', `There is no lesson "${lessonId}".`);
    }
    // Ids are [a-z0-9-] (lesson-schema.ts), so the id is safe in a header.
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${lesson.id}.lesson.json"`)
      .header('cache-control', 'no-store')
      .send(exportLessonFile(lesson));
  });
  done();
};
