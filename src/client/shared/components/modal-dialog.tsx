import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  readonly isOpen: boolean;
  readonly title: string;
  /** What the dialog is about, read out with its title. */
  readonly message: string;
  /** Escape, or the browser closing the dialog: the caller decides what that means. */
  readonly onCancel: () => void;
  /** The dialog's controls. */
  readonly children: ReactNode;
}

/** A modal on the native <dialog>, which traps focus, closes on Escape and gives focus back. */
export function ModalDialog({ isOpen, title, message, onCancel, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={messageId}>{message}</p>
      {children}
    </dialog>
  );
}
