import type { ReactNode } from 'react';
import { describeApiError } from '../lib/api-client';

/**
 * Says why the last request (a mutation's, a query's) failed, as an alert, after `lead` when
 * given; nothing while there is no error. `id` lets the fields it is about point to it.
 */
export function ApiErrorAlert({
  error,
  lead,
  id,
}: {
  readonly error: unknown;
  readonly lead?: ReactNode;
  readonly id?: string;
}) {
  if (!error) return null;
  return (
    <p id={id} className="error" role="alert">
      {lead}
      {describeApiError(error)}
    </p>
  );
}
