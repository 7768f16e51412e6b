import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

export const ltiRosterKey = (sessionId: string) =>
  [...queryKeys.teacherSession(sessionId), 'lti-roster'] as const;

/**
 * The course's learners who have not started; keyed by how many students joined, so a student
 * arriving takes their name off the list (the server sets the list it keeps against the session).
 */
export const ltiRosterQuery = (sessionId: string, joinedCount: number) =>
  queryOptions({
    queryKey: [...ltiRosterKey(sessionId), joinedCount],
    queryFn: () => callEndpoint(endpoints.ltiRoster, { params: { id: sessionId } }),
    placeholderData: keepPreviousData,
  });

/** Reads the class list from the LMS again. */
export function refreshLtiRoster(sessionId: string) {
  return callEndpoint(endpoints.refreshLtiRoster, { params: { id: sessionId } });
}
