import type { AnswerAck } from '#domain/api/live-contracts';
import { ApiRequestError, NetworkError } from '#shared/lib/api-client';
import { submitAnswer } from '../api/student-api';
import { useOutboxStore, type OutboxEntry } from '../stores/outbox-store';

/** How often queued answers are retried while the network is down or the server is busy. */
const RETRY_INTERVAL_MS = 4000;

function shouldRetry(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (!(error instanceof ApiRequestError)) return true;
  // The server is struggling or asks us to slow down, or the CSRF cookie needs renewing:
  // the answer itself is fine, so keep it and try again later.
  return error.status >= 500 || error.code === 'rate_limited' || error.code === 'csrf_failed';
}

/**
 * Sends a session's queued answers: at once when one is queued, again when the browser says it
 * is back online, and every few seconds while any are waiting. An answer leaves the outbox only
 * when the server acknowledges it, or refuses it for good (then the student sees why).
 */
export function startOutboxSender(
  sessionId: string,
  callbacks: {
    readonly onAcknowledged: (entry: OutboxEntry, ack: AnswerAck) => void;
    readonly onRejected: (entry: OutboxEntry, error: ApiRequestError) => void;
    /**
     * Runs a store change after the changes onAcknowledged made have reached the page, so an
     * acknowledged answer never blinks out between leaving the outbox and showing as saved.
     */
    readonly afterCacheUpdate?: (run: () => void) => void;
  },
): () => void {
  const inFlight = new Set<string>();
  let isStopped = false;

  const send = async (entry: OutboxEntry) => {
    inFlight.add(entry.submissionId);
    try {
      const ack = await submitAnswer(sessionId, entry.itemId, {
        submissionId: entry.submissionId,
        revision: entry.revision,
        answer: entry.answer,
      });
      if (isStopped) return;
      callbacks.onAcknowledged(entry, ack);
      const acknowledge = () => {
        useOutboxStore.getState().acknowledge(entry);
      };
      if (callbacks.afterCacheUpdate) callbacks.afterCacheUpdate(acknowledge);
      else acknowledge();
    } catch (error) {
      if (isStopped) return;
      if (error instanceof NetworkError) useOutboxStore.getState().setOffline(true);
      else if (!shouldRetry(error) && error instanceof ApiRequestError) {
        useOutboxStore.getState().setOffline(false);
        useOutboxStore.getState().reject(entry, error.message);
        callbacks.onRejected(entry, error);
      }
    } finally {
      inFlight.delete(entry.submissionId);
    }
  };

  const flush = () => {
    if (isStopped) return;
    for (const entry of Object.values(useOutboxStore.getState().entries)) {
      if (entry.sessionId !== sessionId || inFlight.has(entry.submissionId)) continue;
      void send(entry);
    }
  };

  const unsubscribe = useOutboxStore.subscribe((state, previous) => {
    if (state.entries !== previous.entries) flush();
  });
  const retry = setInterval(flush, RETRY_INTERVAL_MS);
  window.addEventListener('online', flush);
  flush();

  return () => {
    isStopped = true;
    unsubscribe();
    clearInterval(retry);
    window.removeEventListener('online', flush);
  };
}
