/**
 * Tabs of the same browser share one sign-in cookie: when one tab signs out (or signs in as
 * someone else), the others drop what they show of the previous account. No imports, so the
 * signed-out /teach page can use it without the rest of the teacher's code.
 */
const CHANNEL = 'article-discussion-teacher-account';

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
