import { notifyManager, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '#shared/lib/query-keys';
import { storeAcknowledgedAnswer } from '../api/student-api';
import { startOutboxSender } from './outbox-sender';

/** Sends the session's queued answers while the page is open, and records what was saved. */
export function useOutboxSender(sessionId: string, isEnabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!isEnabled) return;
    return startOutboxSender(sessionId, {
      onAcknowledged: (entry, ack) => {
        const queryKey = queryKeys.studentSession(sessionId);
        if (ack.revision === entry.revision) {
          storeAcknowledgedAnswer(queryClient, sessionId, entry.itemId, entry.answer, ack);
        }
        // A fetch that started before the answer was saved would overwrite it with an older
        // view; and a newer revision than ours means another tab answered: fetch afresh.
        if (ack.revision !== entry.revision || queryClient.isFetching({ queryKey }) > 0) {
          void queryClient.invalidateQueries({ queryKey });
        }
      },
      // The query cache tells its observers in a batch scheduled for later: queue behind it.
      afterCacheUpdate: (run) => {
        notifyManager.schedule(run);
      },
      onRejected: () => {
        // Refused (the item closed, say): the view has changed under us.
        void queryClient.invalidateQueries({ queryKey: queryKeys.studentSession(sessionId) });
      },
    });
  }, [sessionId, isEnabled, queryClient]);
}
