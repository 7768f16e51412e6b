import { lazy, Suspense } from 'react';
import { JoinPage } from '../features/live-session/components/join-page';
import type { LiveRoute } from './route-areas';

// The class itself, with TanStack Query and the contract's schemas, is loaded once the student
// has joined: /join downloads only its form.
const LiveClass = lazy(async () => {
  const [{ LiveSessionPage }, { QueryProvider }] = await Promise.all([
    import('../features/live-session/components/live-session-page'),
    import('./query-provider'),
  ]);
  return {
    default: ({ sessionId }: { readonly sessionId: string }) => (
      <QueryProvider>
        <LiveSessionPage sessionId={sessionId} />
      </QueryProvider>
    ),
  };
});

/** The student's live-class pages, loaded only when a student joins a class. */
export function LiveRoutes({ route }: { readonly route: LiveRoute }) {
  if (route.name !== 'liveSession') return <JoinPage />;
  return (
    <Suspense
      fallback={
        <p role="status" className="loading">
          Loading the class…
        </p>
      }
    >
      <LiveClass key={route.params.sessionId} sessionId={route.params.sessionId} />
    </Suspense>
  );
}
