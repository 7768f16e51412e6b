import type { QueryClient } from '@tanstack/react-query';
import type { Teacher } from '../../../../domain/live/live-contracts';
import { queryKeys } from '../../../shared/lib/query-keys';

/**
 * Tabs of the same browser share one sign-in cookie: when one tab signs out (or signs in as
 * someone else), the others drop what they show of the previous account.
 */
const CHANNEL = 'article-discussion-teacher-account';

/** Forgets every teacher's data in this tab and records who is signed in now (null: nobody). */
export function replaceSignedInTeacher(queryClient: QueryClient, teacher: Teacher | null): void {
  // Set in place, not removed: mounted pages watching it switch at once.
  queryClient.setQueryData(queryKeys.teacherMe(), teacher);
  queryClient.removeQueries({ queryKey: queryKeys.teacherSessions() });
}

/** Tells this browser's other tabs that the signed-in account changed. */
export function announceAccountChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('account-changed');
  channel.close();
}

/** Calls `onChange` when another tab signs out or in; returns the unsubscribe. */
export function onAccountChange(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = onChange;
  return () => {
    channel.close();
  };
}
