import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefetchThrottle } from './refetch-throttle';

const KEY = ['api', 'thing'] as const;

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  let release: (() => void) | null = null;
  let fetches = 0;
  // An observed query whose fetches finish only when the test says so.
  const observer = new QueryObserver(queryClient, {
    queryKey: KEY,
    staleTime: Infinity,
    queryFn: () =>
      new Promise<number>((resolve) => {
        fetches += 1;
        release = () => {
          resolve(fetches);
        };
      }),
  });
  const unsubscribe = observer.subscribe(() => undefined);
  return {
    queryClient,
    throttle: createRefetchThrottle(queryClient, 100),
    fetches: () => fetches,
    finishFetch: async () => {
      release?.();
      release = null;
      await vi.advanceTimersByTimeAsync(0);
    },
    unsubscribe,
  };
}

describe('createRefetchThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refetches at once, then folds a burst of events into one more refetch', async () => {
    const t = setup();
    t.queryClient.setQueryData(KEY, 0);
    t.throttle.refetch(KEY);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.fetches()).toBe(1);
    await t.finishFetch();
    for (let i = 0; i < 20; i += 1) t.throttle.refetch(KEY);
    expect(t.fetches()).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(t.fetches()).toBe(2);
    await t.finishFetch();
    await vi.advanceTimersByTimeAsync(500);
    expect(t.fetches()).toBe(2);
    t.unsubscribe();
  });

  it('never cancels a fetch under way, and fetches again after it for the events it missed', async () => {
    const t = setup();
    t.queryClient.setQueryData(KEY, 0);
    t.throttle.refetch(KEY);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.fetches()).toBe(1);
    // The first fetch is slow; an event arrives meanwhile.
    await vi.advanceTimersByTimeAsync(150);
    t.throttle.refetch(KEY);
    await vi.advanceTimersByTimeAsync(300);
    expect(t.fetches()).toBe(1);
    await t.finishFetch();
    await vi.advanceTimersByTimeAsync(100);
    expect(t.fetches()).toBe(2);
    t.unsubscribe();
  });
});
