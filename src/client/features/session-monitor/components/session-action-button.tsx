import type { ReactNode } from 'react';
import type { SessionAction } from '../api/session-monitor-api';
import type { useSessionAction } from './use-session-action';

/** A monitor button that sends one action to the session; none works while one is on its way. */
export function SessionActionButton({
  action,
  request,
  isPrimary = false,
  isBlocked = false,
  children,
}: {
  readonly action: ReturnType<typeof useSessionAction>;
  readonly request: SessionAction;
  readonly isPrimary?: boolean;
  /** A reason of the caller's own to keep it unusable (nothing written yet). */
  readonly isBlocked?: boolean;
  readonly children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={isPrimary ? 'button button-primary' : 'button'}
      disabled={action.isPending || isBlocked}
      onClick={() => {
        action.mutate(request);
      }}
    >
      {children}
    </button>
  );
}
