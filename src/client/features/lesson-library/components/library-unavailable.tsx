import { describeApiError, isApiError } from '#shared/lib/api-client';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';

/** What a library page shows when its data cannot be loaded: why, and the way on. */
export function LibraryUnavailable({
  title,
  error,
  onRetry,
}: {
  readonly title: string;
  readonly error: unknown;
  readonly onRetry?: () => void;
}) {
  const isSignedOut = isApiError(error, 'not_signed_in');
  const isMissing = isApiError(error, 'lesson_not_found', 'not_found');
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      <p className="error" role="alert">
        {isSignedOut
          ? 'Sign in to see your lessons.'
          : isMissing
            ? 'There is no such lesson in your library: it may have been deleted.'
            : describeApiError(error)}
      </p>
      {onRetry && !isSignedOut && !isMissing ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
      <p>
        {isSignedOut ? (
          <Link to={routes.teach.build()}>Sign in</Link>
        ) : (
          <Link to={routes.lessonLibrary.build()}>Go to your lessons</Link>
        )}
      </p>
    </>
  );
}
