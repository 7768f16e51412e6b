import { queryOptions } from '@tanstack/react-query';
import type { InviteResponse, TransferResponse } from '#domain/api/admin-contracts';
import { endpoints } from '#domain/api/endpoints';
import { endpointPath } from '#shared/lib/api-client';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** The administrators' calls (issue 25): teacher accounts and invitations. */

/** Whether the signed-in teacher is an administrator (the teacher bar links the admin page). */
export const adminStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.adminStatus(),
    queryFn: () => callEndpoint(endpoints.adminStatus),
    staleTime: 5 * 60_000,
  });

export const teacherAccountsQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherAccounts(),
    queryFn: () => callEndpoint(endpoints.teacherAccounts),
  });

export function invite(email: string): Promise<InviteResponse> {
  return callEndpoint(endpoints.invite, { body: { email } });
}

export async function revokeInvitation(invitationId: string): Promise<void> {
  await callEndpoint(endpoints.revokeInvitation, { params: { invitationId } });
}

export async function setDisabled(teacherId: string, isDisabled: boolean): Promise<void> {
  await callEndpoint(isDisabled ? endpoints.disableTeacher : endpoints.enableTeacher, {
    params: { teacherId },
  });
}

export function transferWork(teacherId: string, toTeacherId: string): Promise<TransferResponse> {
  return callEndpoint(endpoints.transferTeacherWork, {
    params: { teacherId },
    body: { toTeacherId },
  });
}

/** The audit trail's CSV download, from the start of `since` to the end of `until` (UTC days). */
export const auditCsvPath = (range: { readonly since?: string; readonly until?: string }) =>
  endpointPath(endpoints.auditCsv, {}, range);
