import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { StudentLessonVersion } from '#domain/api/lesson-library-contracts';
import { describeApiError } from '../lib/api-client';

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
    <div role="alert">
      <h1>The lesson could not be loaded</h1>
      <p>{describeApiError(query.error)}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          void query.refetch();
        }}
      >
        Try again
      </button>
    </div>
  );
}
