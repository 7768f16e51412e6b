import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Answer } from '#domain/lesson/answers';
import { endpoints } from '#domain/api/endpoints';
import type { ClassWallReply, WallReplyRequest } from '#domain/api/dashboard-contracts';
import type { AnswerAck, StudentSessionView } from '#domain/api/live-contracts';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** The student's queries and calls, each kept with its fetcher. */

/** The session as this student sees it; the live stream keeps it fresh. */
export const studentSessionQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.studentSession(sessionId),
    queryFn: () => callEndpoint(endpoints.studentView, { params: { id: sessionId } }),
    staleTime: Infinity,
  });

/** A reply to a classmate's response, addressed by the opaque id the wall shows. */
export function sendWallReply(
  sessionId: string,
  responseId: string,
  request: WallReplyRequest,
): Promise<ClassWallReply> {
  return callEndpoint(endpoints.replyToResponse, {
    params: { id: sessionId, responseId },
    body: request,
  });
}

export async function reportProgress(sessionId: string, sectionId: string): Promise<void> {
  await callEndpoint(endpoints.reportProgress, { params: { id: sessionId }, body: { sectionId } });
}

export function submitAnswer(
  sessionId: string,
  itemId: string,
  /** The body of SubmitAnswerRequest (live-contracts.ts). */
  request: { readonly submissionId: string; readonly revision: number; readonly answer: Answer },
): Promise<AnswerAck> {
  return callEndpoint(endpoints.submitAnswer, { params: { id: sessionId, itemId }, body: request });
}

/** Records an acknowledged answer in the cached view, so the page shows it as saved. */
export function storeAcknowledgedAnswer(
  queryClient: QueryClient,
  sessionId: string,
  itemId: string,
  answer: Answer,
  ack: AnswerAck,
): void {
  const before = queryClient.getQueryData<StudentSessionView>(queryKeys.studentSession(sessionId));
  // Answer first: a revealed prompt's wall reaches a student once they answered it; ask for it.
  const opensWall =
    before !== undefined &&
    !before.myAnswers.some((a) => a.itemId === itemId) &&
    before.itemStates.some((state) => state.itemId === itemId && state.isRevealed);
  queryClient.setQueryData<StudentSessionView>(queryKeys.studentSession(sessionId), (view) => {
    if (!view) return view;
    const held = view.myAnswers.find((a) => a.itemId === itemId);
    // The server may already hold a newer revision (from another tab): keep whichever is newer.
    if (held && held.revision > ack.revision) return view;
    return {
      ...view,
      myAnswers: [
        ...view.myAnswers.filter((a) => a.itemId !== itemId),
        { itemId, answer, revision: ack.revision },
      ],
    };
  });
  if (opensWall) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.studentSession(sessionId) });
  }
}
