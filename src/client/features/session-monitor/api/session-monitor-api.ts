import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type {
  AddSpeakingTurnRequest,
  ModerateReplyRequest,
  ModerateResponseRequest,
  RevealOutcomesRequest,
  SessionSettingsRequest,
  SpeakingTurnsResponse,
  TeacherWallReply,
  TeacherWallResponse,
  WallResponsesResponse,
} from '#domain/api/dashboard-contracts';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import type { TeacherStatementsView } from '#domain/api/statements-contracts';
import { endpointPath } from '#shared/lib/api-client';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** The live monitor's queries and the calls that change a session, each kept with its fetcher. */

/** One session as its teacher sees it; the live stream keeps it fresh, hence no staleness. */
export const teacherSessionQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.teacherSession(sessionId),
    queryFn: () => callEndpoint(endpoints.getSession, { params: { id: sessionId } }),
    staleTime: Infinity,
    // Online flags have no event of their own: a slow poll keeps the roster honest.
    refetchInterval: 30_000,
  });

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

/** The session's QR code, for the classroom screen. */
export const sessionQrPath = (sessionId: string) =>
  endpointPath(endpoints.sessionQrCode, { id: sessionId });

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

export function revealOutcomes(
  sessionId: string,
  request: RevealOutcomesRequest,
): Promise<TeacherSessionView> {
  return callEndpoint(endpoints.revealOutcomes, { params: { id: sessionId }, body: request });
}

/** Changes the responses of every cached wall list of the session (a moderation's answer). */
function updateCachedWalls(
  queryClient: QueryClient,
  sessionId: string,
  update: (response: TeacherWallResponse) => TeacherWallResponse,
): void {
  queryClient.setQueriesData<WallResponsesResponse>(
    { queryKey: queryKeys.teacherResponses(sessionId) },
    (data) => data && { ...data, responses: data.responses.map(update) },
  );
}

/** Puts a moderated response in every cached wall list that holds it. */
export function storeWallResponse(
  queryClient: QueryClient,
  sessionId: string,
  response: TeacherWallResponse,
): void {
  updateCachedWalls(queryClient, sessionId, (r) =>
    r.responseId === response.responseId ? response : r,
  );
}

/** Puts a moderated reply in every cached wall list that holds it. */
export function storeWallReply(
  queryClient: QueryClient,
  sessionId: string,
  reply: TeacherWallReply,
): void {
  updateCachedWalls(queryClient, sessionId, (r) => ({
    ...r,
    replies: r.replies.map((old) => (old.replyId === reply.replyId ? reply : old)),
  }));
}
