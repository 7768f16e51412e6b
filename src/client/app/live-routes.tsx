import { JoinPage } from '../features/live-session/components/join-page';
import { LiveSessionPage } from '../features/live-session/components/live-session-page';
import { QueryProvider } from './query-provider';
import type { LiveRoute } from './route-areas';

/** The student's live-class pages, loaded only when a student joins a class. */
export function LiveRoutes({ route }: { readonly route: LiveRoute }) {
  return (
    <QueryProvider>
      {route.name === 'liveSession' ? (
        <LiveSessionPage key={route.params.sessionId} sessionId={route.params.sessionId} />
      ) : (
        <JoinPage />
      )}
    </QueryProvider>
  );
}
