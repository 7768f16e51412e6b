import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import {
  lessonVersionSchema,
  type LessonVersion,
  type StudentLessonVersion,
} from '#domain/api/lesson-library-contracts';
import { callEndpoint } from '../lib/call-endpoint';
import { queryKeys } from '../lib/query-keys';

/**
 * The lesson version a session pinned when it started, as one of its students gets it: without
 * the answer keys not yet due (the student's view carries those of revealed items).
 */
export const sessionLessonQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.sessionLesson(sessionId),
    queryFn: async (): Promise<StudentLessonVersion> =>
      // Read-only in fact: the pages read the lesson and never change it.
      (await callEndpoint(endpoints.sessionLesson, {
        params: { id: sessionId },
      })) as StudentLessonVersion,
    // A published version never changes.
    staleTime: Infinity,
  });

/** The same lesson as the session's teacher gets it: whole, answer keys and notes included. */
export const teacherSessionLessonQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherSessionLesson(sessionId),
    queryFn: async (): Promise<LessonVersion> =>
      // Checked whole: a student's copy (without keys) must never pass for the teacher's.
      lessonVersionSchema.parse(
        await callEndpoint(endpoints.sessionLesson, { params: { id: sessionId } }),
      ),
    staleTime: Infinity,
  });

/** The session's pinned lesson for one of its students, loaded once per session. */
export function useSessionLesson(sessionId: string) {
  return useQuery(sessionLessonQuery(sessionId));
}

/** The session's pinned lesson for its teacher, whole, loaded once per session. */
export function useTeacherSessionLesson(sessionId: string) {
  return useQuery(teacherSessionLessonQuery(sessionId));
}
