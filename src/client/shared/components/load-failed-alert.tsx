import { describeApiError } from '../lib/api-client';

/** A page whose data could not be loaded: what, why, and a button to load it again. */
export function LoadFailedAlert({
  heading,
  error,
  onRetry,
}: {
  readonly heading: string;
  readonly error: unknown;
  readonly onRetry: () => void;
}) {
  return (
    <div role="alert">
      <h1>{heading}</h1>
      <p>{describeApiError(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
