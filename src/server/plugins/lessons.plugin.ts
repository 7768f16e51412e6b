import type { LessonCatalog } from '../lessons/lesson-catalog';
import { providePlugin } from './provide';

declare module 'fastify' {
  interface FastifyInstance {
    /** The lessons sessions can run, validated at start-up. */
    readonly lessons: LessonCatalog;
  }
}

export const lessonsPlugin = providePlugin('lessons');
