import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { endpoints } from '../../../../domain/live/api-endpoints';
import type {
  StatementVote,
  StudentStatementsView,
} from '../../../../domain/live/statements-contracts';
import { callEndpoint } from '../../../shared/lib/call-endpoint';
import { queryKeys } from '../../../shared/lib/query-keys';

/** A class-statements item as this student sees it; statements.changed and map.updated refetch it. */
export const studentStatementsQuery = (sessionId: string, itemId: string) =>
  queryOptions({
    queryKey: queryKeys.studentStatements(sessionId, itemId),
    queryFn: () => callEndpoint(endpoints.studentStatements, { params: { id: sessionId, itemId } }),
    staleTime: Infinity,
  });

export function addStatement(
  sessionId: string,
  itemId: string,
  text: string,
): Promise<StudentStatementsView> {
  return callEndpoint(endpoints.addStatement, {
    params: { id: sessionId, itemId },
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

/** Keeps what a write answered: the view after it. */
export function storeStatementsView(
  queryClient: QueryClient,
  sessionId: string,
  view: StudentStatementsView,
): void {
  queryClient.setQueryData(queryKeys.studentStatements(sessionId, view.itemId), view);
}
