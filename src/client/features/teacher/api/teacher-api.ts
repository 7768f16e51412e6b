import { queryOptions, type QueryClient } from '@tanstack/react-query';
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

export const teacherSessionListQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherSessionList(),
    queryFn: async () => (await api.get<{ sessions: SessionSummary[] }>('/api/sessions')).sessions,
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
