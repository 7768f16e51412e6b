import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type { ForecastUpdateRequest } from '#domain/api/forecast-contracts';
import type { RejoinRequest } from '#domain/api/live-contracts';
import type { LiveEvent } from '#domain/api/live-events';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** The student's forecasts page: its query, its writes, and what live events do to it. */

/** The session's questions as this student sees them; live events say when to fetch again. */
export const myForecastsQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.studentForecasts(sessionId),
    queryFn: () => callEndpoint(endpoints.myForecasts, { params: { id: sessionId } }),
    staleTime: Infinity,
  });

/** A new version of one question's forecast (a reason is required once one exists). */
export function updateMyForecast(
  sessionId: string,
  itemId: string,
  request: ForecastUpdateRequest,
) {
  return callEndpoint(endpoints.updateMyForecast, {
    params: { id: sessionId, itemId },
    body: request,
  });
}

export function setLeaderboardOptIn(sessionId: string, optIn: boolean) {
  return callEndpoint(endpoints.setMyLeaderboardOptIn, {
    params: { id: sessionId },
    body: { optIn },
  });
}

/** Back to one's forecasts on any device: join code, name and rejoin code. */
export function signInToForecasts(request: RejoinRequest) {
  return callEndpoint(endpoints.forecastSignIn, { body: request });
}

/**
 * The events that change this student's forecasts page: a resolution (scores), the session's
 * end (open questions may close with it), and this student's removal (the refetch says so).
 * Everything else on the stream is about the live class.
 */
export function applyForecastLiveEvent(
  queryClient: QueryClient,
  sessionId: string,
  event: LiveEvent,
): void {
  switch (event.type) {
    case 'forecast.resolved':
    case 'session.ended':
    case 'outcomes.revealed':
    case 'roster.changed':
    case 'participant.removed':
      void queryClient.invalidateQueries({ queryKey: queryKeys.studentForecasts(sessionId) });
      return;
    default:
      return;
  }
}
