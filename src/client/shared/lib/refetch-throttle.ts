import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** How often, at most, a throttled query is refetched while events keep coming. */
export const REFETCH_INTERVAL_MS = 250;

interface ThrottleState {
  timer: ReturnType<typeof setTimeout> | null;
  isDirty: boolean;
}

/**
 * Refetches queries after live events, at most once per interval per query key, and always once
 * more after the last event: the first event refetches at once, events during the interval are
 * folded into one refetch at its end. A fetch still under way is never cancelled (that would
 * starve the page under a stream of answers); the throttle waits for it and then fetches again,
 * so the data shown always includes the last event.
 */
export function createRefetchThrottle(queryClient: QueryClient, intervalMs = REFETCH_INTERVAL_MS) {
  const states = new Map<string, ThrottleState>();

  const fire = (queryKey: QueryKey, exact: boolean, state: ThrottleState) => {
    // A fetch that started before the event may not include it: wait for it, then fetch again.
    if (queryClient.isFetching({ queryKey, exact }) > 0) {
      state.isDirty = true;
    } else {
      state.isDirty = false;
      void queryClient.invalidateQueries({ queryKey, exact }, { cancelRefetch: false });
    }
    state.timer = setTimeout(() => {
      state.timer = null;
      if (state.isDirty) fire(queryKey, exact, state);
    }, intervalMs);
  };

  return {
    /** Asks for a refetch of the query (or, unless exact, of every query under the key). */
    refetch(queryKey: QueryKey, options: { readonly exact?: boolean } = {}): void {
      const exact = options.exact ?? false;
      const id = JSON.stringify([queryKey, exact]);
      let state = states.get(id);
      if (!state) {
        state = { timer: null, isDirty: false };
        states.set(id, state);
      }
      if (state.timer !== null) {
        state.isDirty = true;
        return;
      }
      fire(queryKey, exact, state);
    },
    /** Stops every pending refetch (when the page that asked for them goes away). */
    cancel(): void {
      for (const state of states.values()) {
        if (state.timer !== null) clearTimeout(state.timer);
      }
      states.clear();
    },
  };
}

export type RefetchThrottle = ReturnType<typeof createRefetchThrottle>;
