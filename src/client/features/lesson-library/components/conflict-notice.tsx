import { useEffect, useRef, useState } from 'react';
import { describeApiError } from '#shared/lib/api-client';

/**
 * Said when the draft was saved elsewhere (another tab or device) since this editor opened it:
 * the teacher loads that newer draft, or keeps theirs, which replaces it.
 */
export function ConflictNotice({
  onLoadNewer,
  onKeepMine,
}: {
  readonly onLoadNewer: () => Promise<void>;
  readonly onKeepMine: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(false);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div className="notice conflict-notice" role="alert">
      <h2 ref={headingRef} tabIndex={-1}>
        This draft was changed elsewhere
      </h2>
      <p>
        A newer version of this draft was saved in another tab or on another device after you opened
        it. Your changes here are kept on this device and not saved yet.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={isLoading}
          onClick={() => {
            setIsLoading(true);
            setError(null);
            onLoadNewer().then(
              () => {
                setIsLoading(false);
              },
              (loadError: unknown) => {
                setIsLoading(false);
                setError(loadError);
              },
            );
          }}
        >
          Load the newer draft (drop my changes)
        </button>
        <button type="button" className="button button-primary" onClick={onKeepMine}>
          Keep mine (replace the newer draft)
        </button>
      </div>
      {error ? <p className="error">{describeApiError(error)}</p> : null}
    </div>
  );
}
