import {
  acceptInvitationRequestSchema,
  adminStatusSchema,
  auditCsvQuerySchema,
  checkInvitationRequestSchema,
  checkInvitationResponseSchema,
  invitationIdParams,
  inviteRequestSchema,
  inviteResponseSchema,
  setAdminRequestSchema,
  signUpPolicySchema,
  teacherAccountResponseSchema,
  teacherAccountsSchema,
  teacherIdParams,
  transferRequestSchema,
  transferResponseSchema,
} from '../admin-contracts';
import { teacherResponseSchema } from '../live-contracts';
import type { EndpointContract } from './contract';

/** Who may sign up, invitations, and the administrators' management of teacher accounts. */
export const adminEndpoints = {
  signUpPolicy: {
    method: 'GET',
    path: '/api/auth/sign-up-policy',
    caller: 'anyone',
    summary:
      'Whether anyone may sign up here, or only the SIGNUP_DOMAINS addresses and invited people, with what to tell the others.',
    responses: { 200: signUpPolicySchema },
  },
  checkInvitation: {
    method: 'POST',
    path: '/api/auth/invitation/check',
    caller: 'anyone',
    summary: 'The address an invitation link is for; 400 invitation_invalid.',
    body: checkInvitationRequestSchema,
    responses: { 200: checkInvitationResponseSchema },
  },
  acceptInvitation: {
    method: 'POST',
    path: '/api/auth/invitation/accept',
    caller: 'anyone',
    summary:
      "Opens the invited address's account with a name and password (the sign-up rules) and signs it in; 400 invitation_invalid when expired, used, revoked or unknown.",
    body: acceptInvitationRequestSchema,
    responses: { 201: teacherResponseSchema },
  },
  adminStatus: {
    method: 'GET',
    path: '/api/admin/status',
    caller: 'teacher',
    summary: 'Whether the signed-in teacher is an administrator.',
    responses: { 200: adminStatusSchema },
  },
  teacherAccounts: {
    method: 'GET',
    path: '/api/admin/teachers',
    caller: 'admin',
    summary:
      'Every teacher account (administrator?, disabled?, created, lesson and session counts) and the pending invitations.',
    responses: { 200: teacherAccountsSchema },
  },
  invite: {
    method: 'POST',
    path: '/api/admin/invitations',
    caller: 'admin',
    summary:
      'Invites an address (replacing an earlier invitation of it): the one-time link, also e-mailed when the server sends e-mail; 409 account_unavailable when it has an account.',
    body: inviteRequestSchema,
    responses: { 201: inviteResponseSchema },
  },
  revokeInvitation: {
    method: 'DELETE',
    path: '/api/admin/invitations/:invitationId',
    caller: 'admin',
    summary: 'Revokes an invitation: its link stops working; 404 invitation_not_found.',
    params: invitationIdParams,
    responses: { 204: null },
  },
  disableTeacher: {
    method: 'POST',
    path: '/api/admin/teachers/:teacherId/disable',
    caller: 'admin',
    summary:
      "Disables an account: its sign-ins end at once and it cannot sign in again; 400 admin_refused for one's own or another administrator's, 404 teacher_not_found.",
    params: teacherIdParams,
    responses: { 200: teacherAccountResponseSchema },
  },
  enableTeacher: {
    method: 'POST',
    path: '/api/admin/teachers/:teacherId/enable',
    caller: 'admin',
    summary: 'Re-enables a disabled account: it may sign in again; 404 teacher_not_found.',
    params: teacherIdParams,
    responses: { 200: teacherAccountResponseSchema },
  },
  setTeacherAdmin: {
    method: 'PUT',
    path: '/api/admin/teachers/:teacherId/admin',
    caller: 'admin',
    summary:
      "Makes a teacher an administrator or not; 400 admin_refused for one's own role or a disabled account, 404 teacher_not_found.",
    params: teacherIdParams,
    body: setAdminRequestSchema,
    responses: { 200: teacherAccountResponseSchema },
  },
  transferTeacherWork: {
    method: 'POST',
    path: '/api/admin/teachers/:teacherId/transfer',
    caller: 'admin',
    summary:
      "Moves a teacher's lessons, class sessions, forecast classes and LMS placements to another teacher in one transaction; 400 admin_refused to the same account, 404 teacher_not_found.",
    params: teacherIdParams,
    body: transferRequestSchema,
    responses: { 200: transferResponseSchema },
  },
  auditCsv: {
    method: 'GET',
    path: '/api/admin/audit.csv',
    caller: 'admin',
    summary:
      'The audit trail as CSV (the columns of `npm run admin -- audit-csv`), as an attachment, from the start of `since` to the end of `until` (UTC days, both optional); the export itself writes an audit row.',
    query: auditCsvQuerySchema,
    responses: { 200: { contentType: 'text/csv; charset=utf-8' } },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;
