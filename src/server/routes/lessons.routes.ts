import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps';

export function registerLessonRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/lessons', async (request) => {
    await deps.auth.requireTeacher(request);
    return {
      lessons: deps.lessons.list().map((lesson) => ({
        id: lesson.id,
        title: lesson.metadata.title,
        sections: lesson.sections.length,
      })),
    };
  });
}
