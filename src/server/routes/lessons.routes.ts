import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '../../domain/live/api-endpoints';
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
  done();
};
