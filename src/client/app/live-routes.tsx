import { JoinPage } from '../features/live-session/components/join-page';
import { LiveSessionPage } from '../features/live-session/components/live-session-page';
import { QueryProvider } from './query-provider';
import { readPathParam } from './route-params';

/** The student's live-class pages, loaded only when a student joins a class. */
export function LiveRoutes({ pathname }: { readonly pathname: string }) {
  const sessionId = readPathParam(pathname, /^\/live\/([^/]+)\/?$/);
  return (
    <QueryProvider>
      {sessionId !== null ? (
        <LiveSessionPage key={sessionId} sessionId={sessionId} />
      ) : (
        <JoinPage />
      )}
    </QueryProvider>
  );
}
