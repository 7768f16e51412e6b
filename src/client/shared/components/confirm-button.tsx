import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { ApiErrorAlert } from './api-error-alert';

interface ConfirmButtonProps {
  /** The button's own words. */
  readonly children: ReactNode;
  /** The button's classes; a danger button by default. */
  readonly className?: string;
  /** While the action runs, the button is off. */
  readonly isPending?: boolean;
  /** The last attempt's error, said under the button. */
  readonly error?: unknown;
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
}

/**
 * A button for an action that cannot be undone (end, delete): it asks first in a modal dialog,
 * and says under itself why the action failed, if it did.
 */
export function ConfirmButton({
  children,
  className = 'button button-danger',
  isPending = false,
  error,
  title,
  message,
  confirmLabel,
  onConfirm,
}: ConfirmButtonProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={isPending}
        onClick={() => {
          setIsConfirming(true);
        }}
      >
        {children}
      </button>
      <ApiErrorAlert error={error} />
      <ConfirmDialog
        isOpen={isConfirming}
        title={title}
        message={message}
        confirmLabel={confirmLabel}
        onCancel={() => {
          setIsConfirming(false);
        }}
        onConfirm={() => {
          setIsConfirming(false);
          onConfirm();
        }}
      />
    </>
  );
}
