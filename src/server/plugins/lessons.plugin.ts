import type { LessonLibrary } from '../services/lesson-library';
import { providePlugin } from './provide';

declare module 'fastify' {
  interface FastifyInstance {
    /** The lesson library: built-in lessons, teachers' own, their versions. */
    readonly lessons: LessonLibrary;
  }
}

export const lessonsPlugin = providePlugin('lessons');
