import { lazy, Suspense } from 'react';
import { JoinPage } from '../features/live-session/components/join-page';
import { QueryProvider } from './query-provider';
import type { LiveRoute } from './route-areas';

// The class itself is loaded once the student has joined: /join downloads only its form.
const LiveSessionPage = lazy(async () => ({
  default: (await import('../features/live-session/components/live-session-page')).LiveSessionPage,
}));

/** The student's live-class pages, loaded only when a student joins a class. */
export function LiveRoutes({ route }: { readonly route: LiveRoute }) {
  return (
    <QueryProvider>
      {route.name === 'liveSession' ? (
        <Suspense
          fallback={
            <p role="status" className="loading">
              Loading the class…
            </p>
          }
        >
          <LiveSessionPage key={route.params.sessionId} sessionId={route.params.sessionId} />
        </Suspense>
      ) : (
        <JoinPage />
      )}
    </QueryProvider>
  );
}
