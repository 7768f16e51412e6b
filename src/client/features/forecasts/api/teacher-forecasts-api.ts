import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { endpoints } from '#domain/api/endpoints';
import type {
  ForecastTeamsRequest,
  LeaderboardMode,
  ResolutionRequest,
} from '#domain/api/forecast-contracts';
import { endpointPath } from '#shared/lib/api-client';
import { callEndpoint } from '#shared/lib/call-endpoint';
import { queryKeys } from '#shared/lib/query-keys';

/** The teacher's forecasts pages: a session's or a class's questions, and what changes them. */

/** Whose forecasts a page shows: one session's, or a class's (its sessions together). */
export type ForecastScope =
  | { readonly kind: 'session'; readonly sessionId: string }
  | { readonly kind: 'class'; readonly classId: string };

export const teacherForecastsQuery = (scope: ForecastScope) =>
  queryOptions({
    queryKey:
      scope.kind === 'session'
        ? queryKeys.teacherSessionForecasts(scope.sessionId)
        : queryKeys.teacherClassForecasts(scope.classId),
    queryFn: () =>
      scope.kind === 'session'
        ? callEndpoint(endpoints.sessionForecasts, { params: { id: scope.sessionId } })
        : callEndpoint(endpoints.classForecasts, { params: { classId: scope.classId } }),
  });

export const classListQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherClassList(),
    queryFn: () => callEndpoint(endpoints.listClasses),
  });

/** Questions past their close date and not resolved, for the teacher's home. */
export const dueForecastsQuery = () =>
  queryOptions({
    queryKey: queryKeys.teacherDueForecasts(),
    queryFn: () => callEndpoint(endpoints.dueForecasts),
  });

/** A change to one session's questions shows on its own page and on its class's. */
export function refreshForecasts(queryClient: QueryClient, sessionId: string): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessionForecasts(sessionId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherClasses() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.teacherDueForecasts() });
}

export function setCloseDate(sessionId: string, itemId: string, closesOn: string | null) {
  return callEndpoint(endpoints.setForecastCloseDate, {
    params: { id: sessionId, itemId },
    body: { closesOn },
  });
}

export function resolveForecast(sessionId: string, itemId: string, request: ResolutionRequest) {
  return callEndpoint(endpoints.resolveForecast, {
    params: { id: sessionId, itemId },
    body: request,
  });
}

export function setForecastTeams(sessionId: string, request: ForecastTeamsRequest) {
  return callEndpoint(endpoints.setForecastTeams, { params: { id: sessionId }, body: request });
}

export function setLeaderboardMode(sessionId: string, mode: LeaderboardMode) {
  return callEndpoint(endpoints.setLeaderboardMode, {
    params: { id: sessionId },
    body: { mode },
  });
}

export function createClass(name: string) {
  return callEndpoint(endpoints.createClass, { body: { name } });
}

export function renameClass(classId: string, name: string) {
  return callEndpoint(endpoints.renameClass, { params: { classId }, body: { name } });
}

export function deleteClass(classId: string) {
  return callEndpoint(endpoints.deleteClass, { params: { classId } });
}

export function setSessionClass(sessionId: string, classId: string | null) {
  return callEndpoint(endpoints.setSessionClass, {
    params: { id: sessionId },
    body: { classId },
  });
}

/** The address of a session's forecasts CSV, for a download link. */
export const forecastsCsvPath = (sessionId: string) =>
  endpointPath(endpoints.forecastsCsv, { id: sessionId });
