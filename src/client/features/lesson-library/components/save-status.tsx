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

/** Whether the server has the draft; not a live region (it changes at every pause in typing). */
export function SaveStatusLine({ status }: { readonly status: SaveStatus }) {
  const isDeviceCopyFailed = useDeviceCopyStatus((s) => s.failed);
  const isProblem = status.kind === 'conflict' || status.kind === 'error';
  return (
    <p className={isProblem ? 'save-status error' : 'save-status'}>
      <span className="visually-hidden">Draft: </span>
      {describe(status)}
      {isDeviceCopyFailed ? ' (this device could not keep a copy: its storage is full or off)' : ''}
    </p>
  );
}
