import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type {
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  ResetPasswordRequest,
  ConfirmSignUpRequest,
} from '#domain/api/account-contracts';
import type {
  AddSpeakingTurnRequest,
  ModerateReplyRequest,
  ModerateResponseRequest,
  RevealOutcomesRequest,
  ScoreWritingRequest,
  SessionListRow,
  SessionSettingsRequest,
  SpeakingTurnsResponse,
  TeacherWallReply,
  TeacherWallResponse,
  WallResponsesResponse,
} from '#domain/api/dashboard-contracts';
import type { CreateSessionRequest, Teacher, TeacherSessionView } from '#domain/api/live-contracts';
import type { WritingFeedback } from '#domain/api/result-contracts';
import type { TeacherStatementsView } from '#domain/api/statements-contracts';
import type { StudentExportFormat } from '#domain/api/student-data-contracts';
import { endpointPath } from '../../../shared/lib/api-client';
import { callEndpoint } from '../../../shared/lib/call-endpoint';
import { queryKeys } from '../../../shared/lib/query-keys';

/** The teacher's queries and the calls that change a session, each kept with its fetcher. */

/** The signed-in teacher, or null when nobody is signed in. */
export const teacherMeQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherMe(),
    // Asked of the endpoint that answers 200 to nobody too: a 401 would be an error in the
    // browser's console on every signed-out visit.
    queryFn: async (): Promise<Teacher | null> => (await callEndpoint(endpoints.signedIn)).teacher,
    staleTime: 5 * 60_000,
  });

export type { SessionListRow };

/**
 * The teacher's lesson library (the built-in lessons and their own). The library's pages
 * (features/lesson-library) read the same list under the same key.
 */
export const teacherLessonListQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherLessonList(),
    queryFn: async () => (await callEndpoint(endpoints.listLessons)).lessons,
  });

export const teacherSessionListQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherSessionList(),
    queryFn: async () => (await callEndpoint(endpoints.listSessions)).sessions,
  });

/** One session as its teacher sees it; the live stream keeps it fresh, hence no staleness. */
export const teacherSessionQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherSession(sessionId),
    queryFn: () => callEndpoint(endpoints.getSession, { params: { id: sessionId } }),
    staleTime: Infinity,
    // Online flags have no event of their own: a slow poll keeps the roster honest.
    refetchInterval: 30_000,
  });

export async function signOut(): Promise<void> {
  await callEndpoint(endpoints.signOut);
}

/** Deletes the signed-in teacher's account and everything in it; the server signs them out. */
export async function deleteAccount(password: string): Promise<void> {
  await callEndpoint(endpoints.deleteAccount, { body: { password } });
}

/** Whether this server e-mails reset links, or its operator makes them. */
export const passwordResetOptionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.passwordResetOptions(),
    queryFn: () => callEndpoint(endpoints.passwordResetOptions),
    staleTime: Infinity,
  });

/** Whose password a reset link sets; refused when the link is used, expired or unknown. */
export const resetLinkQuery = (token: string) =>
  queryOptions({
    queryKey: queryKeys.resetLink(token),
    queryFn: () => callEndpoint(endpoints.checkResetLink, { body: { token } }),
    staleTime: Infinity,
  });

export function forgotPassword(request: ForgotPasswordRequest): Promise<ForgotPasswordResponse> {
  return callEndpoint(endpoints.forgotPassword, { body: request });
}

export async function confirmSignUp(request: ConfirmSignUpRequest): Promise<Teacher> {
  return (await callEndpoint(endpoints.confirmSignUp, { body: request })).teacher;
}

export async function resetPassword(request: ResetPasswordRequest): Promise<Teacher> {
  return (await callEndpoint(endpoints.resetPassword, { body: request })).teacher;
}

export function createSession(request: CreateSessionRequest): Promise<TeacherSessionView> {
  return callEndpoint(endpoints.createSession, { body: request });
}

/** Every teacher action on a session answers with the new view of it. */
export type SessionAction =
  | { readonly type: 'change-section'; readonly sectionId: string }
  | { readonly type: 'open-item' | 'close-item' | 'reveal-item'; readonly itemId: string }
  | { readonly type: 'publish-summary'; readonly sectionId: string; readonly text: string }
  | { readonly type: 'withdraw-summary'; readonly sectionId: string }
  | { readonly type: 'remove-participant'; readonly participantId: string }
  | { readonly type: 'delete-participant-data'; readonly participantId: string }
  | { readonly type: 'end-session' };

export function runSessionAction(
  sessionId: string,
  action: SessionAction,
): Promise<TeacherSessionView> {
  const id = sessionId;
  switch (action.type) {
    case 'change-section':
      return callEndpoint(endpoints.changeSection, {
        params: { id },
        body: { sectionId: action.sectionId },
      });
    case 'open-item':
      return callEndpoint(endpoints.openItem, { params: { id, itemId: action.itemId } });
    case 'close-item':
      return callEndpoint(endpoints.closeItem, { params: { id, itemId: action.itemId } });
    case 'reveal-item':
      return callEndpoint(endpoints.revealItem, { params: { id, itemId: action.itemId } });
    case 'publish-summary':
      return callEndpoint(endpoints.publishSummary, {
        params: { id, sectionId: action.sectionId },
        body: { text: action.text },
      });
    case 'withdraw-summary':
      return callEndpoint(endpoints.withdrawSummary, {
        params: { id, sectionId: action.sectionId },
      });
    case 'remove-participant':
      return callEndpoint(endpoints.removeParticipant, {
        params: { id, participantId: action.participantId },
      });
    case 'delete-participant-data':
      return callEndpoint(endpoints.deleteStudentData, {
        params: { id, participantId: action.participantId },
      });
    case 'end-session':
      return callEndpoint(endpoints.endSession, { params: { id } });
  }
}

/** Puts a fresh view from an action's answer in the cache, and marks the list for a refetch. */
export function storeSessionView(queryClient: QueryClient, view: TeacherSessionView): void {
  queryClient.setQueryData(queryKeys.teacherSession(view.session.id), view);
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionList() });
}

/** The wall's filter: one prompt (or every one, '') and a search text. */
export interface ResponseFilter {
  readonly itemId: string;
  readonly q: string;
}

/** Every open response, hidden ones flagged; live events refetch it. */
export const teacherResponsesQuery = (sessionId: string, filter: ResponseFilter) =>
  queryOptions({
    queryKey: queryKeys.teacherResponseList(sessionId, { itemId: filter.itemId, q: filter.q }),
    queryFn: () =>
      callEndpoint(endpoints.wallResponses, {
        params: { id: sessionId },
        query: {
          itemId: filter.itemId === '' ? undefined : filter.itemId,
          q: filter.q.trim() === '' ? undefined : filter.q.trim(),
        },
      }),
    staleTime: Infinity,
    // Typing a search keeps the last list on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });

/** Key phrases of the section's responses: fetched when asked for, refreshed by the teacher. */
export const teacherThemesQuery = (sessionId: string, sectionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherThemes(sessionId, sectionId),
    queryFn: () =>
      callEndpoint(endpoints.themes, { params: { id: sessionId }, query: { sectionId } }),
    staleTime: Infinity,
  });

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

/** What the classroom screen shows; the teacher's live stream keeps it fresh. */
export const teacherProjectorQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherProjector(sessionId),
    queryFn: () => callEndpoint(endpoints.projector, { params: { id: sessionId } }),
    staleTime: Infinity,
  });

/** A class-statements item as its teacher sees it; statements.changed and map.updated refetch it. */
export const teacherStatementsQuery = (sessionId: string, itemId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherStatements(sessionId, itemId),
    queryFn: () => callEndpoint(endpoints.teacherStatements, { params: { id: sessionId, itemId } }),
    staleTime: Infinity,
  });

/** Approves (shows) or hides a statement; answers the item's statements after it. */
export function moderateStatement(
  sessionId: string,
  itemId: string,
  statementId: string,
  status: 'shown' | 'hidden',
): Promise<TeacherStatementsView> {
  return callEndpoint(endpoints.moderateStatement, {
    params: { id: sessionId, itemId, statementId },
    body: { status },
  });
}

/** Every speaking turn recorded in the session; turns.changed refetches it. */
export const teacherSpeakingTurnsQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherSpeakingTurns(sessionId),
    queryFn: () => callEndpoint(endpoints.speakingTurns, { params: { id: sessionId } }),
    staleTime: Infinity,
  });

/** Records that a student spoke; answers every turn of the session. */
export function addSpeakingTurn(
  sessionId: string,
  request: AddSpeakingTurnRequest,
): Promise<SpeakingTurnsResponse> {
  return callEndpoint(endpoints.addSpeakingTurn, { params: { id: sessionId }, body: request });
}

export function removeSpeakingTurn(
  sessionId: string,
  turnId: string,
): Promise<SpeakingTurnsResponse> {
  return callEndpoint(endpoints.removeSpeakingTurn, { params: { id: sessionId, turnId } });
}

export const speakingCsvPath = (sessionId: string) =>
  endpointPath(endpoints.speakingCsv, { id: sessionId });

/** The lesson as an open lesson file, downloaded as an attachment. */
export const lessonFilePath = (lessonId: string) =>
  endpointPath(endpoints.lessonFile, { lessonId });
export const sessionQrPath = (sessionId: string) =>
  endpointPath(endpoints.sessionQrCode, { id: sessionId });
export const sessionCsvPath = (sessionId: string) =>
  endpointPath(endpoints.answersCsv, { id: sessionId });
/** One student's data as a file: Markdown to read, or JSON for another program. */
export const studentExportPath = (
  sessionId: string,
  participantId: string,
  format: StudentExportFormat,
) => endpointPath(endpoints.exportStudentData, { id: sessionId, participantId }, { format });

export function moderateResponse(
  sessionId: string,
  response: Pick<TeacherWallResponse, 'participantId' | 'itemId'>,
  change: ModerateResponseRequest,
): Promise<TeacherWallResponse> {
  return callEndpoint(endpoints.moderateResponse, {
    params: { id: sessionId, participantId: response.participantId, itemId: response.itemId },
    body: change,
  });
}

export function changeSessionSettings(
  sessionId: string,
  settings: SessionSettingsRequest,
): Promise<TeacherSessionView> {
  return callEndpoint(endpoints.sessionSettings, { params: { id: sessionId }, body: settings });
}

export function moderateReply(
  sessionId: string,
  replyId: string,
  change: ModerateReplyRequest,
): Promise<TeacherWallReply> {
  return callEndpoint(endpoints.moderateReply, {
    params: { id: sessionId, replyId },
    body: change,
  });
}

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

export function revealOutcomes(
  sessionId: string,
  request: RevealOutcomesRequest,
): Promise<TeacherSessionView> {
  return callEndpoint(endpoints.revealOutcomes, { params: { id: sessionId }, body: request });
}

export function deleteStudentData(
  sessionId: string,
  participantId: string,
): Promise<TeacherSessionView> {
  return runSessionAction(sessionId, { type: 'delete-participant-data', participantId });
}

export async function deleteSession(sessionId: string): Promise<void> {
  await callEndpoint(endpoints.deleteSession, { params: { id: sessionId } });
}

/** Puts a moderated response in every cached wall list that holds it. */
export function storeWallResponse(
  queryClient: QueryClient,
  sessionId: string,
  response: TeacherWallResponse,
): void {
  queryClient.setQueriesData<WallResponsesResponse>(
    { queryKey: queryKeys.teacherResponses(sessionId) },
    (data) =>
      data && {
        ...data,
        responses: data.responses.map((r) => (r.responseId === response.responseId ? response : r)),
      },
  );
}

/** Puts a moderated reply in every cached wall list that holds it. */
export function storeWallReply(
  queryClient: QueryClient,
  sessionId: string,
  reply: TeacherWallReply,
): void {
  queryClient.setQueriesData<WallResponsesResponse>(
    { queryKey: queryKeys.teacherResponses(sessionId) },
    (data) =>
      data && {
        ...data,
        responses: data.responses.map((r) => ({
          ...r,
          replies: r.replies.map((old) => (old.replyId === reply.replyId ? reply : old)),
        })),
      },
  );
}

/** Forgets everything cached about a deleted session. */
export function forgetSession(queryClient: QueryClient, sessionId: string): void {
  queryClient.removeQueries({ queryKey: queryKeys.teacherSession(sessionId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionList() });
}
