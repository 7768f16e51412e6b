import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type { SessionListRow } from '#domain/api/dashboard-contracts';
import type { CreateSessionRequest, TeacherSessionView } from '#domain/api/live-contracts';
import { endpointPath } from '#shared/lib/api-client';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** The teacher's sessions: the list of them, and starting one from a lesson. */

export type { SessionListRow };

export const teacherSessionListQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherSessionList(),
    queryFn: async () => (await callEndpoint(endpoints.listSessions)).sessions,
  });

/**
 * The teacher's lesson library (the built-in lessons and their own), to start a session from.
 * The library's pages (features/lesson-library) read the same list under the same key.
 */
export const teacherLessonListQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherLessonList(),
    queryFn: async () => (await callEndpoint(endpoints.listLessons)).lessons,
  });

export function createSession(request: CreateSessionRequest): Promise<TeacherSessionView> {
  return callEndpoint(endpoints.createSession, { body: request });
}

/** The lesson as an open lesson file, downloaded as an attachment. */
export const lessonFilePath = (lessonId: string) =>
  endpointPath(endpoints.lessonFile, { lessonId });
