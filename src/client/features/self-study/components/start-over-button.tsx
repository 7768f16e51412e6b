import { useState } from 'react';
import { ConfirmDialog } from '../../../shared/components/confirm-dialog';

/** "Start over" behind a confirmation: it deletes every answer kept on this device. */
export function StartOverButton({ onConfirm }: { readonly onConfirm: () => void }) {
  const [isAsking, setIsAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          setIsAsking(true);
        }}
      >
        Start over
      </button>
      <ConfirmDialog
        isOpen={isAsking}
        title="Start over?"
        message="This deletes all your answers to this lesson on this device. It cannot be undone. Download your work first if you want to keep it."
        confirmLabel="Delete my answers and start over"
        cancelLabel="Keep my answers"
        onCancel={() => {
          setIsAsking(false);
        }}
        onConfirm={() => {
          setIsAsking(false);
          onConfirm();
        }}
      />
    </>
  );
}
