import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeApiError } from '#shared/lib/api-client';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { confirmSignUp } from '../api/account-api';
import { replaceSignedInTeacher } from '../lib/account-cache';
import { announceAccountChange } from '../lib/account-channel';
import { useNoticeStore } from '#shared/stores/notice-store';

/**
 * /teach/confirm-sign-up?token=…: the link sent at sign-up. A button, not on opening, so a mail
 * program that opens links to check them does not use it up.
 */
export function ConfirmSignUpPage() {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const queryClient = useQueryClient();
  const showNotice = useNoticeStore((s) => s.showNotice);
  const mutation = useMutation({
    mutationFn: confirmSignUp,
    onSuccess: (teacher) => {
      replaceSignedInTeacher(queryClient, teacher);
      announceAccountChange();
      showNotice('Your account is created, and you are signed in.');
      // Replaced, so back does not return to a link that is used up.
      navigate(routes.teach.build(), { replace: true });
    },
  });
  return (
    <>
      <title>Create your account</title>
      <h1>Create your account</h1>
      {token === '' ? (
        <p className="error" role="alert">
          This address has no link token. Open the whole link from the e-mail.
        </p>
      ) : (
        <div className="panel">
          <p>Finish signing up with the link from your e-mail.</p>
          {mutation.isError ? (
            <div role="alert">
              <p className="error">{describeApiError(mutation.error)}</p>
            </div>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            disabled={mutation.isPending}
            onClick={() => {
              mutation.mutate({ token });
            }}
          >
            {mutation.isPending ? 'Creating your account…' : 'Create my account'}
          </button>
        </div>
      )}
      <p>
        <Link to={routes.teach.build()}>Back to sign in</Link>
      </p>
    </>
  );
}
