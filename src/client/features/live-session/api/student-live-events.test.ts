import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { StudentSessionView } from '#domain/api/live-contracts';
import { queryKeys } from '#shared/lib/query-keys';
import { testStudentSessionView } from '../lib/test-session-view';
import { applyStudentLiveEvent } from './student-live-events';

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view: StudentSessionView = testStudentSessionView({
    itemStates: [{ itemId: 'prompt', status: 'open', isRevealed: false }],
  });
  queryClient.setQueryData(queryKeys.studentSession('s1'), view);
  const isStale = () => queryClient.getQueryState(queryKeys.studentSession('s1'))?.isInvalidated;
  const read = () => queryClient.getQueryData<StudentSessionView>(queryKeys.studentSession('s1'))!;
  return { queryClient, isStale, read };
}

describe('applyStudentLiveEvent, for the wall and forecast scores', () => {
  it('refetches the view when the wall changed or outcomes were revealed', () => {
    for (const event of [
      { type: 'wall.changed', itemId: null },
      { type: 'outcomes.revealed', itemId: 'forecast' },
    ] as const) {
      const { queryClient, isStale } = setup();
      applyStudentLiveEvent(queryClient, 's1', event);
      expect(isStale(), event.type).toBe(true);
    }
  });

  it('refetches for the wall when a prompt’s results are revealed, not for a poll’s', () => {
    const prompt = setup();
    applyStudentLiveEvent(prompt.queryClient, 's1', {
      type: 'results.revealed',
      results: { kind: 'text', itemId: 'prompt', responses: 3 },
    });
    expect(prompt.isStale()).toBe(true);
    expect(prompt.read().itemStates[0]?.isRevealed).toBe(true);

    const poll = setup();
    applyStudentLiveEvent(poll.queryClient, 's1', {
      type: 'results.revealed',
      results: { kind: 'choice', itemId: 'poll', responses: 1, counts: [] },
    });
    expect(poll.isStale()).toBe(false);
    expect(poll.read().results).toHaveLength(1);
  });
});
