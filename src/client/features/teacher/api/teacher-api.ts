import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type {
  ModerateResponseRequest,
  ProjectorView,
  RevealOutcomesRequest,
  SessionListEntry,
  SessionReport,
  StudentTranscript,
  ThemesResponse,
  TeacherWallResponse,
  WallResponsesResponse,
} from '../../../../domain/live/dashboard-contracts';
import type {
  CheckResetLinkResponse,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  PasswordResetOptions,
  ResetPasswordRequest,
} from '../../../../domain/live/account-contracts';
import type {
  CreateSessionRequest,
  SessionSummary,
  SignInRequest,
  SignUpRequest,
  Teacher,
  TeacherSessionView,
} from '../../../../domain/live/live-contracts';
import { api, isApiError } from '../../../shared/lib/api-client';
import { queryKeys } from '../../../shared/lib/query-keys';

/** The teacher's queries and the calls that change a session, each kept with its fetcher. */

const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** The signed-in teacher, or null when nobody is signed in. */
export const teacherMeQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherMe(),
    queryFn: async (): Promise<Teacher | null> => {
      try {
        return (await api.get<{ teacher: Teacher }>('/api/auth/me')).teacher;
      } catch (error) {
        if (isApiError(error, 'not_signed_in')) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

/** A session on the dashboard home, with how many students joined and answers they gave. */
export type SessionListRow = SessionSummary & SessionListEntry;

export const teacherSessionListQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherSessionList(),
    queryFn: async () => (await api.get<{ sessions: SessionListRow[] }>('/api/sessions')).sessions,
  });

/** One session as its teacher sees it; the live stream keeps it fresh, hence no staleness. */
export const teacherSessionQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherSession(sessionId),
    queryFn: () => api.get<TeacherSessionView>(sessionPath(sessionId)),
    staleTime: Infinity,
    // Online flags have no event of their own: a slow poll keeps the roster honest.
    refetchInterval: 30_000,
  });

export async function signUp(request: SignUpRequest): Promise<Teacher> {
  return (await api.post<{ teacher: Teacher }>('/api/auth/sign-up', request)).teacher;
}

export async function signIn(request: SignInRequest): Promise<Teacher> {
  return (await api.post<{ teacher: Teacher }>('/api/auth/sign-in', request)).teacher;
}

export async function signOut(): Promise<void> {
  await api.post<undefined>('/api/auth/sign-out');
}

/** Whether this server e-mails reset links, or its operator makes them. */
export const passwordResetOptionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.passwordResetOptions(),
    queryFn: () => api.get<PasswordResetOptions>('/api/auth/password-reset'),
    staleTime: Infinity,
  });

/** Whose password a reset link sets; refused when the link is used, expired or unknown. */
export const resetLinkQuery = (token: string) =>
  queryOptions({
    queryKey: queryKeys.resetLink(token),
    queryFn: () => api.post<CheckResetLinkResponse>('/api/auth/reset-password/check', { token }),
    staleTime: Infinity,
  });

export function forgotPassword(request: ForgotPasswordRequest): Promise<ForgotPasswordResponse> {
  return api.post<ForgotPasswordResponse>('/api/auth/forgot-password', request);
}

export async function resetPassword(request: ResetPasswordRequest): Promise<Teacher> {
  return (await api.post<{ teacher: Teacher }>('/api/auth/reset-password', request)).teacher;
}

export function createSession(request: CreateSessionRequest): Promise<TeacherSessionView> {
  return api.post<TeacherSessionView>('/api/sessions', request);
}

/** Every teacher action on a session answers with the new view of it. */
export type SessionAction =
  | { readonly type: 'change-section'; readonly sectionId: string }
  | { readonly type: 'open-item' | 'close-item' | 'reveal-item'; readonly itemId: string }
  | { readonly type: 'publish-summary'; readonly sectionId: string; readonly text: string }
  | { readonly type: 'withdraw-summary'; readonly sectionId: string }
  | { readonly type: 'remove-participant'; readonly participantId: string }
  | { readonly type: 'end-session' };

export function runSessionAction(
  sessionId: string,
  action: SessionAction,
): Promise<TeacherSessionView> {
  const base = sessionPath(sessionId);
  switch (action.type) {
    case 'change-section':
      return api.post(`${base}/section`, { sectionId: action.sectionId });
    case 'open-item':
      return api.post(`${base}/items/${encodeURIComponent(action.itemId)}/open`);
    case 'close-item':
      return api.post(`${base}/items/${encodeURIComponent(action.itemId)}/close`);
    case 'reveal-item':
      return api.post(`${base}/items/${encodeURIComponent(action.itemId)}/reveal`);
    case 'publish-summary':
      return api.post(`${base}/summaries/${encodeURIComponent(action.sectionId)}`, {
        text: action.text,
      });
    case 'withdraw-summary':
      return api.delete(`${base}/summaries/${encodeURIComponent(action.sectionId)}`);
    case 'remove-participant':
      return api.delete(`${base}/participants/${encodeURIComponent(action.participantId)}`);
    case 'end-session':
      return api.post(`${base}/end`);
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
    queryFn: () => {
      const params = new URLSearchParams();
      if (filter.itemId !== '') params.set('itemId', filter.itemId);
      if (filter.q.trim() !== '') params.set('q', filter.q.trim());
      const query = params.size > 0 ? `?${params.toString()}` : '';
      return api.get<WallResponsesResponse>(`${sessionPath(sessionId)}/responses${query}`);
    },
    staleTime: Infinity,
    // Typing a search keeps the last list on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });

/** Key phrases of the section's responses: fetched when asked for, refreshed by the teacher. */
export const teacherThemesQuery = (sessionId: string, sectionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherThemes(sessionId, sectionId),
    queryFn: () =>
      api.get<ThemesResponse>(
        `${sessionPath(sessionId)}/themes?sectionId=${encodeURIComponent(sectionId)}`,
      ),
    staleTime: Infinity,
  });

export const teacherReportQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherReport(sessionId),
    queryFn: () => api.get<SessionReport>(`${sessionPath(sessionId)}/report`),
  });

export const teacherTranscriptQuery = (sessionId: string, participantId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherTranscript(sessionId, participantId),
    queryFn: () =>
      api.get<StudentTranscript>(
        `${sessionPath(sessionId)}/participants/${encodeURIComponent(participantId)}/transcript`,
      ),
  });

/** What the classroom screen shows; the teacher's live stream keeps it fresh. */
export const teacherProjectorQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherProjector(sessionId),
    queryFn: () => api.get<ProjectorView>(`${sessionPath(sessionId)}/projector`),
    staleTime: Infinity,
  });

export const sessionQrPath = (sessionId: string) => `${sessionPath(sessionId)}/qr.svg`;
export const sessionCsvPath = (sessionId: string) => `${sessionPath(sessionId)}/answers.csv`;

export function moderateResponse(
  sessionId: string,
  response: Pick<TeacherWallResponse, 'participantId' | 'itemId'>,
  change: ModerateResponseRequest,
): Promise<TeacherWallResponse> {
  return api.post<TeacherWallResponse>(
    `${sessionPath(sessionId)}/responses/${encodeURIComponent(response.participantId)}/${encodeURIComponent(response.itemId)}`,
    change,
  );
}

export function changeSessionSettings(
  sessionId: string,
  settings: { readonly showNames: boolean },
): Promise<TeacherSessionView> {
  return api.post<TeacherSessionView>(`${sessionPath(sessionId)}/settings`, settings);
}

export function revealOutcomes(
  sessionId: string,
  request: RevealOutcomesRequest,
): Promise<TeacherSessionView> {
  return api.post<TeacherSessionView>(`${sessionPath(sessionId)}/outcomes`, request);
}

export async function deleteSession(sessionId: string): Promise<void> {
  await api.delete<undefined>(sessionPath(sessionId));
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

/** Forgets everything cached about a deleted session. */
export function forgetSession(queryClient: QueryClient, sessionId: string): void {
  queryClient.removeQueries({ queryKey: queryKeys.teacherSession(sessionId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionList() });
}
