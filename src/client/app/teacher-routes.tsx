import { SessionControlPage } from '../features/teacher/components/session-control-page';
import { TeachPage } from '../features/teacher/components/teach-page';
import { QueryProvider } from './query-provider';
import { readPathParam } from './route-params';

/** The teacher's pages, loaded only when a teacher opens /teach. */
export function TeacherRoutes({ pathname }: { readonly pathname: string }) {
  const sessionId = readPathParam(pathname, /^\/teach\/sessions\/([^/]+)\/?$/);
  return (
    <QueryProvider>
      {sessionId !== null ? (
        <SessionControlPage key={sessionId} sessionId={sessionId} />
      ) : (
        <TeachPage />
      )}
    </QueryProvider>
  );
}
