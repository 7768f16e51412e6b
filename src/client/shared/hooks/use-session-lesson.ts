import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../domain/live/api-endpoints';
import type { LessonVersion } from '../../../domain/live/lesson-library-contracts';
import { callEndpoint } from '../lib/call-endpoint';
import { queryKeys } from '../lib/query-keys';

/** The lesson version a session pinned when it started, for its teacher or one of its students. */
export const sessionLessonQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.sessionLesson(sessionId),
    queryFn: async (): Promise<LessonVersion> =>
      // Read-only in fact: the pages read the lesson and never change it.
      (await callEndpoint(endpoints.sessionLesson, { params: { id: sessionId } })) as LessonVersion,
    // A published version never changes.
    staleTime: Infinity,
  });

/** The session's pinned lesson (GET /api/sessions/:id/lesson), loaded once per session. */
export function useSessionLesson(sessionId: string) {
  return useQuery(sessionLessonQuery(sessionId));
}
