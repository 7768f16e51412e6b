import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '#domain/api/live-events';
import { queryKeys } from '#shared/lib/query-keys';
import { applyForecastLiveEvent } from './student-forecasts-api';

/** A cached forecasts page of session s1, and whether an event marked it to be fetched again. */
function afterEvent(event: LiveEvent): boolean {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(queryKeys.studentForecasts('s1'), { cached: true });
  applyForecastLiveEvent(queryClient, 's1', event);
  return queryClient.getQueryState(queryKeys.studentForecasts('s1'))?.isInvalidated ?? false;
}

describe('applyForecastLiveEvent', () => {
  it('fetches the page again when a question is resolved, the session ends or the student goes', () => {
    expect(afterEvent({ type: 'forecast.resolved', itemId: 'f1' })).toBe(true);
    expect(afterEvent({ type: 'session.ended' })).toBe(true);
    expect(afterEvent({ type: 'participant.removed', participantId: 'p1' })).toBe(true);
    expect(afterEvent({ type: 'roster.changed' })).toBe(true);
  });

  it('leaves it alone for what only the live class shows', () => {
    expect(afterEvent({ type: 'section.changed', sectionId: 's2' })).toBe(false);
    expect(afterEvent({ type: 'answers.counted', answerCounts: { f1: 3 } })).toBe(false);
    expect(afterEvent({ type: 'wall.changed', itemId: null })).toBe(false);
  });

  it('touches no other session’s page', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.studentForecasts('s2'), { cached: true });
    applyForecastLiveEvent(queryClient, 's1', { type: 'forecast.resolved', itemId: 'f1' });
    expect(queryClient.getQueryState(queryKeys.studentForecasts('s2'))?.isInvalidated).toBe(false);
  });
});
