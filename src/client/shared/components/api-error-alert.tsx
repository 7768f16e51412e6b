import type { ReactNode } from 'react';
import { describeApiError } from '../lib/api-client';

/**
 * Says why the last request (a mutation's, a query's) failed, as an alert, after `lead` when
 * given; nothing while there is no error.
 */
export function ApiErrorAlert({
  error,
  lead,
}: {
  readonly error: unknown;
  readonly lead?: ReactNode;
}) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {lead}
      {describeApiError(error)}
    </p>
  );
}
