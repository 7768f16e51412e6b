import { lazy, Suspense, useState } from 'react';

// Needed once "Start over" is pressed, not in the first download.
const ConfirmDialog = lazy(async () => ({
  default: (await import('#shared/components/confirm-dialog')).ConfirmDialog,
}));

/** "Start over" behind a confirmation: it deletes every answer kept on this device. */
export function StartOverButton({ onConfirm }: { readonly onConfirm: () => void }) {
  const [isAsking, setIsAsking] = useState(false);
  // Once shown, the dialog stays in the page, closed: it gives focus back to this button.
  const [hasAsked, setHasAsked] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          setIsAsking(true);
          setHasAsked(true);
        }}
      >
        Start over
      </button>
      {hasAsked ? (
        <Suspense fallback={null}>
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
        </Suspense>
      ) : null}
    </>
  );
}
