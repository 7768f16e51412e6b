import { describeApiError, isApiError } from '../lib/api-client';
import { Link } from '../lib/router';
import { routes } from '../lib/routes';

/** What a teacher page shows when its data cannot be loaded: why, and the way back. */
export function PageUnavailable({
  title,
  error,
  signInMessage,
}: {
  readonly title: string;
  readonly error: unknown;
  /** Said instead of the API's message when the teacher is signed out. */
  readonly signInMessage: string;
}) {
  const isSignedOut = isApiError(error, 'not_signed_in');
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      <p className="error" role="alert">
        {isSignedOut ? signInMessage : describeApiError(error)}
      </p>
      <p>
        <Link to={routes.teach.build()}>{isSignedOut ? 'Sign in' : 'Go to your sessions'}</Link>
      </p>
    </>
  );
}
