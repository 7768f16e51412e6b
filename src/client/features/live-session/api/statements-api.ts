import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type { StatementVote, StudentStatementsView } from '#domain/api/statements-contracts';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/**
 * A class-statements item as this student sees it; statements.changed and map.updated refetch it.
 * Each refetch names the statement on the student's screen, which stays until they vote on it.
 */
export const studentStatementsQuery = (sessionId: string, itemId: string) =>
  queryOptions({
    queryKey: queryKeys.studentStatements(sessionId, itemId),
    queryFn: ({ client, queryKey }) => {
      const offered = client.getQueryData<StudentStatementsView>(queryKey)?.next?.id;
      return callEndpoint(endpoints.studentStatements, {
        params: { id: sessionId, itemId },
        query: { offered },
      });
    },
    staleTime: Infinity,
  });

export function addStatement(
  sessionId: string,
  itemId: string,
  text: string,
  offered: string | undefined,
): Promise<StudentStatementsView> {
  return callEndpoint(endpoints.addStatement, {
    params: { id: sessionId, itemId },
    query: { offered },
    body: { text },
  });
}

export function voteOnStatement(
  sessionId: string,
  itemId: string,
  statementId: string,
  vote: StatementVote,
): Promise<StudentStatementsView> {
  return callEndpoint(endpoints.voteOnStatement, {
    params: { id: sessionId, itemId, statementId },
    body: { vote },
  });
}

/**
 * Before a vote is sent: a refetch already on its way names the statement being voted on and
 * could answer with it still unvoted, after the vote's own answer; it is dropped instead.
 */
export async function holdStatementsRefetch(
  queryClient: QueryClient,
  sessionId: string,
  itemId: string,
): Promise<void> {
  await queryClient.cancelQueries({ queryKey: queryKeys.studentStatements(sessionId, itemId) });
}

/** Keeps what a write answered: the view after it. */
export function storeStatementsView(
  queryClient: QueryClient,
  sessionId: string,
  view: StudentStatementsView,
): void {
  queryClient.setQueryData(queryKeys.studentStatements(sessionId, view.itemId), view);
}
