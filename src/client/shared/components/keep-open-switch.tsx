import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { endpoints } from '#domain/api/endpoints';
import type { SessionSummary } from '#domain/api/live-contracts';
import { callEndpoint } from '../lib/call-endpoint';
import { storeSessionView } from '../lib/teacher-sessions';
import { ApiErrorAlert } from './api-error-alert';

/** "21:40", or "Tue 21:40" when it is not today. */
export function formatIdleEnd(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === now.toDateString()
    ? time
    : `${at.toLocaleDateString('en-GB', { weekday: 'short' })} ${time}`;
}

/**
 * WCAG 2.2.1 Timing Adjustable: an open session ends on its own after IDLE_SESSION_HOURS with
 * nobody using it. This says when, before it happens, and lets the teacher keep it open until
 * they end it (stored on the session), or let it end when idle again.
 */
export function KeepOpenSwitch({ session }: { readonly session: SessionSummary }) {
  const queryClient = useQueryClient();
  const hintId = useId();
  // The teacher's choice shows at once; cleared when the server's answer is in the cache.
  const [requested, setRequested] = useState<boolean | null>(null);
  const change = useMutation({
    mutationFn: (keepOpen: boolean) =>
      callEndpoint(endpoints.sessionSettings, { params: { id: session.id }, body: { keepOpen } }),
    onSuccess: (view) => {
      storeSessionView(queryClient, view);
    },
    onSettled: () => {
      setRequested(null);
    },
  });
  if (session.status !== 'open' || (!session.keepOpen && session.idleEndsAt === null)) return null;
  const isKept = requested ?? session.keepOpen;
  return (
    <div className="keep-open">
      <label className="choice">
        <input
          type="checkbox"
          role="switch"
          checked={isKept}
          aria-describedby={hintId}
          disabled={requested !== null}
          onChange={(event) => {
            setRequested(event.target.checked);
            change.mutate(event.target.checked);
          }}
        />
        <span>
          Keep open until I end it
          <span className="visually-hidden"> (session {session.joinCode})</span>
        </span>
      </label>
      <p id={hintId} className="hint">
        {isKept
          ? 'Kept open until you end it.'
          : session.idleEndsAt
            ? `Ends on its own at ${formatIdleEnd(session.idleEndsAt)} if nobody uses it.`
            : 'Ends on its own once nobody uses it for a while.'}
      </p>
      <ApiErrorAlert error={change.error} lead="Could not change this: " />
    </div>
  );
}
