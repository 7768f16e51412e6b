import { stripAnswerKeys } from '#domain/lesson/answer-keys';
import type { Lesson } from '#domain/lesson/lesson-schema';

/** A published version, read: what a session pins and a student studies. */
export interface PinnedLesson {
  readonly lessonId: string;
  readonly versionId: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly lesson: Lesson;
}

/** A pinned version as the API answers it (LessonVersion); a fresh object, not the cached one. */
export const toLessonVersion = (pinned: PinnedLesson) => ({
  lessonId: pinned.lessonId,
  versionId: pinned.versionId,
  version: pinned.version,
  publishedAt: pinned.publishedAt,
  lesson: pinned.lesson,
});

/** A pinned version as students get it: without its answer keys (answer-keys.ts). */
export const toStudentLessonVersion = (pinned: PinnedLesson) => ({
  ...toLessonVersion(pinned),
  lesson: stripAnswerKeys(pinned.lesson),
});
