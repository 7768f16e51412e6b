import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type { DeepLinkingAnswer, PlaceLessonRequest } from '#domain/api/lti-contracts';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** The LMS's request waiting for the teacher's pick; a refusal says why it cannot be answered. */
export const deepLinkingRequestQuery = (requestId: string) =>
  queryOptions({
    queryKey: queryKeys.ltiDeepLinkingRequest(requestId),
    queryFn: () => callEndpoint(endpoints.ltiDeepLinkingRequest, { params: { requestId } }),
    // A refusal (expired, answered, not found) will not change by asking again.
    retry: false,
  });

/**
 * The teacher's library (built-in lessons and their own), as the lesson library and the
 * sessions' start form read it, under the same key.
 */
export const pickableLessonsQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherLessonList(),
    queryFn: async () => (await callEndpoint(endpoints.listLessons)).lessons,
  });

export function placeLesson(
  requestId: string,
  pick: PlaceLessonRequest,
): Promise<DeepLinkingAnswer> {
  return callEndpoint(endpoints.ltiPlaceLesson, { params: { requestId }, body: pick });
}

export function cancelDeepLinking(requestId: string): Promise<DeepLinkingAnswer> {
  return callEndpoint(endpoints.ltiCancelDeepLinking, { params: { requestId } });
}
