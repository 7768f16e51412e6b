import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '#shared/components/confirm-dialog';
import { queryKeys } from '#shared/lib/query-keys';
import { navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { signOut, teacherMeQuery } from '../api/account-api';
import { replaceSignedInTeacher } from '../lib/account-cache';
import { announceAccountChange, onAccountChange } from '../lib/account-channel';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/** What the teacher's work kept on this device is: the lesson drafts' copies (lesson-library). */
export interface WorkOnThisDevice {
  /** Copies with changes the server has not got. */
  readonly countUnsaved: () => number;
  /** Deletes every copy: nothing of the account stays on a shared computer. */
  readonly forget: () => void;
}

const unsavedDrafts = (count: number) =>
  count === 1 ? '1 lesson draft on this device has' : `${count} lesson drafts on this device have`;

/**
 * The top of every teacher page while signed in: who is signed in and "Sign out" ("Delete
 * account" is far from it, at the end of the home page). On the classroom screen (`isCompact`)
 * only "Sign out": the class must not read the teacher's e-mail. Signing out deletes the work kept on this device, after asking when some
 * of it never reached the server.
 */
export function TeacherBar({
  isCompact = false,
  workOnThisDevice,
  links,
}: {
  readonly isCompact?: boolean;
  readonly workOnThisDevice: WorkOnThisDevice;
  /** Links for this teacher beside "Sign out" (Administration, for an administrator). */
  readonly links?: ReactNode;
}) {
  const queryClient = useQueryClient();
  const me = useQuery(teacherMeQuery());
  const [unsavedToConfirm, setUnsavedToConfirm] = useState(0);
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Leave the page first, so nothing of the account is on screen or refetched behind it;
      // back then reaches pages that ask to sign in, with nothing cached to show.
      navigate(routes.teach.build());
      replaceSignedInTeacher(queryClient, null);
      workOnThisDevice.forget();
      announceAccountChange();
    },
  });
  const askToSignOut = () => {
    const unsaved = workOnThisDevice.countUnsaved();
    if (unsaved > 0) setUnsavedToConfirm(unsaved);
    else mutation.mutate();
  };

  useEffect(
    () =>
      onAccountChange(() => {
        // Refetched as whoever is signed in now: a signed-out tab shows the sign-in page.
        void queryClient.resetQueries({ queryKey: queryKeys.teacher() });
      }),
    [queryClient],
  );

  const teacher = me.data;
  if (!teacher) return null;
  return (
    <header
      className={isCompact ? 'signed-in teacher-bar-compact no-print' : 'signed-in teacher-bar'}
    >
      {isCompact ? null : (
        <p>
          Signed in as <strong>{teacher.name}</strong>{' '}
          <span className="teacher-bar-email">({teacher.email})</span>
        </p>
      )}
      {isCompact ? null : links}
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={mutation.isPending}
        onClick={askToSignOut}
      >
        {mutation.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      <ConfirmDialog
        isOpen={unsavedToConfirm > 0}
        title="Sign out and lose unsaved changes?"
        message={`${unsavedDrafts(unsavedToConfirm)} changes the server has not saved yet: the connection may have dropped. Signing out deletes them from this device. Stay signed in to let them save, or to export the lesson first.`}
        confirmLabel="Sign out and delete them"
        cancelLabel="Stay signed in"
        onCancel={() => {
          setUnsavedToConfirm(0);
        }}
        onConfirm={() => {
          setUnsavedToConfirm(0);
          mutation.mutate();
        }}
      />
      <ApiErrorAlert error={mutation.error} lead="Could not sign out: " />
    </header>
  );
}
