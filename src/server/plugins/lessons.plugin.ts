import fp from 'fastify-plugin';
import type { LessonCatalog } from '../lessons/lesson-catalog';

declare module 'fastify' {
  interface FastifyInstance {
    readonly lessons: LessonCatalog;
  }
}

/** The lessons sessions can run, validated at start-up. */
export const lessonsPlugin = fp<{ lessons: LessonCatalog }>(
  (app, { lessons }, done) => {
    app.decorate('lessons', lessons);
    done();
  },
  { name: 'lessons' },
);
