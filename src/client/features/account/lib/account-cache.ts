import type { QueryClient } from '@tanstack/react-query';
import type { Teacher } from '#domain/api/live-contracts';
import { queryKeys } from '#shared/lib/query-keys';

/** Forgets every teacher's data in this tab and records who is signed in now (null: nobody). */
export function replaceSignedInTeacher(queryClient: QueryClient, teacher: Teacher | null): void {
  // Set in place, not removed: mounted pages watching it switch at once.
  queryClient.setQueryData(queryKeys.teacherMe(), teacher);
  queryClient.removeQueries({ queryKey: queryKeys.teacherSessions() });
}
