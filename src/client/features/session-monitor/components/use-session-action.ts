import { useMutation, useQueryClient } from '@tanstack/react-query';
import { storeSessionView } from '#shared/lib/teacher-sessions';
import { runSessionAction, type SessionAction } from '../api/session-monitor-api';

/** One teacher action on a session, its pending state and its error, with the cache updated. */
export function useSessionAction(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: SessionAction) => runSessionAction(sessionId, action),
    onSuccess: (view) => {
      storeSessionView(queryClient, view);
    },
  });
}
