import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { describeApiError } from '../../../shared/lib/api-client';
import { queryKeys } from '../../../shared/lib/query-keys';
import { navigate } from '../../../shared/lib/router';
import { routes } from '../../../shared/lib/routes';
import { signOut, teacherMeQuery } from '../api/teacher-api';
import { replaceSignedInTeacher } from '../lib/account-cache';
import { announceAccountChange, onAccountChange } from '../lib/account-channel';
import { DeleteAccount } from './delete-account';

/**
 * The top of every teacher page while signed in: who is signed in, "Sign out" and "Delete
 * account". On the classroom screen (`isCompact`) only "Sign out": the class must not read the
 * teacher's e-mail.
 */
export function TeacherBar({ isCompact = false }: { readonly isCompact?: boolean }) {
  const queryClient = useQueryClient();
  const me = useQuery(teacherMeQuery());
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Leave the page first, so nothing of the account is on screen or refetched behind it;
      // back then reaches pages that ask to sign in, with nothing cached to show.
      navigate(routes.teach.build());
      replaceSignedInTeacher(queryClient, null);
      announceAccountChange();
    },
  });

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
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={mutation.isPending}
        onClick={() => {
          mutation.mutate();
        }}
      >
        {mutation.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {isCompact ? null : <DeleteAccount />}
      {mutation.isError ? (
        <p className="error" role="alert">
          Could not sign out: {describeApiError(mutation.error)}
        </p>
      ) : null}
    </header>
  );
}
