import type { QueryClient } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import type { StudentExportFormat } from '#domain/api/student-data-contracts';
import { endpointPath } from './api-client';
import { queryKeys } from './query-keys';

/**
 * What the teacher's features (class-sessions, session-monitor, reports) share about a session:
 * where a fresh view of it is kept, and the link to one student's data.
 */

/** Puts a fresh view from an action's answer in the cache, and marks the list for a refetch. */
export function storeSessionView(queryClient: QueryClient, view: TeacherSessionView): void {
  queryClient.setQueryData(queryKeys.teacherSession(view.session.id), view);
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionList() });
}

/** One student's data as a file: Markdown to read, or JSON for another program. */
export const studentExportPath = (
  sessionId: string,
  participantId: string,
  format: StudentExportFormat,
) => endpointPath(endpoints.exportStudentData, { id: sessionId, participantId }, { format });
