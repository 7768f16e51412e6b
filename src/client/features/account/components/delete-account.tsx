import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ModalDialog } from '#shared/components/modal-dialog';
import { navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { deleteAccount } from '../api/account-api';
import { replaceSignedInTeacher } from '../lib/account-cache';
import { announceAccountChange } from '../lib/account-channel';
import { useNoticeStore } from '#shared/stores/notice-store';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/**
 * "Delete account" and its dialog: the password again, since everything in the account goes
 * (lessons, sessions, students, answers), and then the teacher is signed out at the sign-in page.
 */
export function DeleteAccount({ onDeleted }: { readonly onDeleted: () => void }) {
  const [isOpen, setIsOpen] = useState(false);
  const [password, setPassword] = useState('');
  const passwordId = useId();
  const queryClient = useQueryClient();
  const showNotice = useNoticeStore((s) => s.showNotice);
  const deletion = useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => {
      setIsOpen(false);
      navigate(routes.teach.build());
      replaceSignedInTeacher(queryClient, null);
      onDeleted();
      showNotice('Your account and everything in it were deleted.');
      announceAccountChange();
    },
  });

  const close = () => {
    setIsOpen(false);
    setPassword('');
    deletion.reset();
  };

  return (
    <>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => {
          setIsOpen(true);
        }}
      >
        Delete account
      </button>
      <ModalDialog
        isOpen={isOpen}
        title="Delete your account?"
        message="Your account and everything in it are erased for good: every lesson you wrote and every session, open or past, with its students, their answers and the summaries. Students still in a session are disconnected. This cannot be undone: download what you want to keep first."
        onCancel={close}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            deletion.mutate(password);
          }}
        >
          <div className="form-field">
            <label htmlFor={passwordId}>Your password</label>
            <input
              id={passwordId}
              className="text-input"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              aria-invalid={deletion.isError}
              onChange={(event) => {
                setPassword(event.target.value);
              }}
            />
          </div>
          <ApiErrorAlert error={deletion.error} />
          <div className="button-row">
            <button type="button" className="button" onClick={close} autoFocus>
              Cancel
            </button>
            <button type="submit" className="button button-danger" disabled={deletion.isPending}>
              {deletion.isPending ? 'Deleting…' : 'Delete my account'}
            </button>
          </div>
        </form>
      </ModalDialog>
    </>
  );
}
