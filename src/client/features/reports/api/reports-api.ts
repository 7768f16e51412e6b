import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type { ScoreWritingRequest } from '#domain/api/dashboard-contracts';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import type { WritingFeedback } from '#domain/api/result-contracts';
import { endpointPath } from '#shared/lib/api-client';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** A session's report: its queries, downloads, feedback on writing, and deleting data. */

export const teacherReportQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherReport(sessionId),
    queryFn: () => callEndpoint(endpoints.report, { params: { id: sessionId } }),
  });

export const teacherTranscriptQuery = (sessionId: string, participantId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherTranscript(sessionId, participantId),
    queryFn: () => callEndpoint(endpoints.transcript, { params: { id: sessionId, participantId } }),
  });

export const speakingCsvPath = (sessionId: string) =>
  endpointPath(endpoints.speakingCsv, { id: sessionId });

export const sessionCsvPath = (sessionId: string) =>
  endpointPath(endpoints.answersCsv, { id: sessionId });

export function scoreWriting(
  sessionId: string,
  itemId: string,
  participantId: string,
  request: ScoreWritingRequest,
): Promise<WritingFeedback> {
  return callEndpoint(endpoints.scoreWriting, {
    params: { id: sessionId, itemId, participantId },
    body: request,
  });
}

export function deleteStudentData(
  sessionId: string,
  participantId: string,
): Promise<TeacherSessionView> {
  return callEndpoint(endpoints.deleteStudentData, { params: { id: sessionId, participantId } });
}

export async function deleteSession(sessionId: string): Promise<void> {
  await callEndpoint(endpoints.deleteSession, { params: { id: sessionId } });
}

/** Forgets everything cached about a deleted session. */
export function forgetSession(queryClient: QueryClient, sessionId: string): void {
  queryClient.removeQueries({ queryKey: queryKeys.teacherSession(sessionId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionList() });
}
