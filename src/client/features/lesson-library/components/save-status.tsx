import type { SaveStatus } from '../lib/draft-saver';
import { useDeviceCopyStatus } from '../stores/local-drafts-store';

function describe(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return 'Saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline: kept on this device, will save when back';
    case 'conflict':
      return 'Not saved: a newer draft was saved elsewhere';
    case 'error':
      return `Not saved: ${status.message}`;
  }
}

/**
 * Whether the server has the draft; not a live region (it changes at every pause in typing),
 * but a refused save is an alert (WCAG 4.1.3): the teacher may be typing far below the toolbar,
 * and their work is not reaching the server. A conflict is announced by its own notice.
 */
export function SaveStatusLine({ status }: { readonly status: SaveStatus }) {
  const isDeviceCopyFailed = useDeviceCopyStatus((s) => s.failed);
  const isProblem = status.kind === 'conflict' || status.kind === 'error';
  const isRefused = status.kind === 'error';
  return (
    <p
      // A new element, not a role added to the old one: screen readers announce an alert as it
      // is inserted, and may miss one that an element already on the page turns into.
      key={isRefused ? 'refused' : 'status'}
      role={isRefused ? 'alert' : undefined}
      className={isProblem ? 'save-status error' : 'save-status'}
    >
      <span className="visually-hidden">Draft: </span>
      {describe(status)}
      {isDeviceCopyFailed ? ' (this device could not keep a copy: its storage is full or off)' : ''}
    </p>
  );
}
