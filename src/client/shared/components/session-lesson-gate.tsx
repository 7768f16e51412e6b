import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { StudentLessonVersion } from '#domain/api/lesson-library-contracts';
import { LoadFailedAlert } from './load-failed-alert';

/**
 * Shows a live page once the session's lesson (useSessionLesson) is loaded: until then that it
 * is loading, and if it fails, why, with a way to try again.
 */
export function SessionLessonGate<Version extends StudentLessonVersion>({
  query,
  children,
}: {
  readonly query: UseQueryResult<Version>;
  readonly children: (version: Version) => ReactNode;
}) {
  if (query.data) return children(query.data);
  if (!query.error) {
    return (
      <p role="status">
        {query.fetchStatus === 'paused'
          ? 'Offline: the lesson loads when the connection is back.'
          : 'Loading the lesson…'}
      </p>
    );
  }
  return (
    <LoadFailedAlert
      heading="The lesson could not be loaded"
      error={query.error}
      onRetry={() => {
        void query.refetch();
      }}
    />
  );
}
