import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiRequestError } from '#shared/lib/api-client';

/** A refused request (4xx) will be refused again: retry only lost connections and 5xx. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status < 500) return false;
  return failureCount < 3;
}

/**
 * The one QueryClient, shared by the live routes. It lives in this module, which only the lazily
 * loaded live routes import, so TanStack Query stays out of the self-study bundle.
 */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

export function QueryProvider({ children }: { readonly children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
