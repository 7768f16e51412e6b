import { useEffect, useRef, useState } from 'react';
import type { LiveEvent } from '#domain/api/live-events';
import { openLiveStream, type LiveConnectionState } from '../lib/live-stream';

/**
 * Keeps the session's live stream open while the component is mounted and reports its state.
 * The handlers may change every render; the stream is reopened only when the session does.
 */
export function useLiveStream(
  sessionId: string,
  handlers: { readonly onEvent: (event: LiveEvent) => void; readonly onOpen: () => void },
  isEnabled = true,
): LiveConnectionState {
  const [state, setState] = useState<LiveConnectionState>('connecting');
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (!isEnabled) return;
    return openLiveStream(sessionId, {
      onEvent: (event) => {
        handlersRef.current.onEvent(event);
      },
      onOpen: () => {
        handlersRef.current.onOpen();
      },
      onStateChange: setState,
      // Not shown to the person: the refetch that follows puts the page right. Kept for whoever
      // debugs a server and client out of step.
      onUnreadable: (error) => {
        console.error(error);
      },
    });
  }, [sessionId, isEnabled]);

  return state;
}
