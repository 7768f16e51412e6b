import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ModalDialog } from '#shared/components/modal-dialog';
import { navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { DELETE_ACCOUNT_CONFIRMATION } from '#domain/api/student-data-contracts';
import { accountSignInQuery, deleteAccount } from '../api/account-api';
import { replaceSignedInTeacher } from '../lib/account-cache';
import { announceAccountChange } from '../lib/account-channel';
import { useNoticeStore } from '#shared/stores/notice-store';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/**
 * "Delete account" and its dialog: the password again, since everything in the account goes
 * (lessons, sessions, students, answers), and then the teacher is signed out at the sign-in page.
 * An account an LMS made has no password: its teacher types DELETE instead.
 */
export function DeleteAccount({ onDeleted }: { readonly onDeleted: () => void }) {
  const [isOpen, setIsOpen] = useState(false);
  const [password, setPassword] = useState('');
  const passwordId = useId();
  const signIn = useQuery({ ...accountSignInQuery(), enabled: isOpen });
  const signsInWith = signIn.data?.signsInWith;
  const isFromLms = signsInWith === 'lms' || signsInWith === 'oidc';
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
            deletion.mutate(isFromLms ? { confirmation: password } : { password });
          }}
        >
          {signIn.isPending ? (
            <p role="status">Checking how your account signs in…</p>
          ) : (
            <div className="form-field">
              <label htmlFor={passwordId}>
                {isFromLms ? `Type ${DELETE_ACCOUNT_CONFIRMATION} to confirm` : 'Your password'}
              </label>
              {isFromLms && (
                <p className="hint" id={`${passwordId}-hint`}>
                  {signsInWith === 'oidc'
                    ? 'Your account signs in with your school account (Google, Microsoft or another) and has no password.'
                    : 'Your account signs in from your school’s LMS and has no password.'}
                </p>
              )}
              <input
                id={passwordId}
                className="text-input"
                type={isFromLms ? 'text' : 'password'}
                autoComplete={isFromLms ? 'off' : 'current-password'}
                aria-describedby={isFromLms ? `${passwordId}-hint` : undefined}
                required
                value={password}
                aria-invalid={deletion.isError}
                onChange={(event) => {
                  setPassword(event.target.value);
                }}
              />
            </div>
          )}
          <ApiErrorAlert error={signIn.error ?? deletion.error} />
          <div className="button-row">
            <button type="button" className="button" onClick={close} autoFocus>
              Cancel
            </button>
            <button
              type="submit"
              className="button button-danger"
              disabled={deletion.isPending || !signIn.isSuccess}
            >
              {deletion.isPending ? 'Deleting…' : 'Delete my account'}
            </button>
          </div>
        </form>
      </ModalDialog>
    </>
  );
}
