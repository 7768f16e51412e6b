import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** Below the session's branch, so its live events (a student finishing, a mark) refresh it. */
export const ltiGradesKey = (sessionId: string) =>
  [...queryKeys.teacherSession(sessionId), 'lti-grades'] as const;

export const ltiGradesQuery = (sessionId: string) =>
  queryOptions({
    queryKey: ltiGradesKey(sessionId),
    queryFn: () => callEndpoint(endpoints.ltiGrades, { params: { id: sessionId } }),
  });

/** Sends a failed or waiting grade again now: one student's, or every one when none is named. */
export function retryLtiGrades(sessionId: string, participantId: string | null) {
  return callEndpoint(endpoints.retryLtiGrades, {
    params: { id: sessionId },
    body: participantId === null ? {} : { participantId },
  });
}
