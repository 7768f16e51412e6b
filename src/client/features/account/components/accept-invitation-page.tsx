import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import { LIMITS } from '#domain/live/live-constants';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { describeApiError } from '#shared/lib/api-client';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { useNoticeStore } from '#shared/stores/notice-store';
import { acceptInvitation, invitationQuery } from '../api/account-api';
import { replaceSignedInTeacher } from '../lib/account-cache';
import { announceAccountChange } from '../lib/account-channel';
import { NewPasswordField } from './auth-forms';
import { OidcButtons } from './oidc-buttons';
import { TextField } from './text-field';

const TITLE = 'Accept your invitation';

function AcceptForm({ token, email }: { readonly token: string; readonly email: string }) {
  const headingId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const queryClient = useQueryClient();
  const showNotice = useNoticeStore((s) => s.showNotice);
  const mutation = useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (teacher) => {
      replaceSignedInTeacher(queryClient, teacher);
      announceAccountChange();
      showNotice('Your account is created, and you are signed in.');
      // Replaced, so back does not return to a link that is used up.
      navigate(routes.teach.build(), { replace: true });
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    mutation.mutate({ token, name, password });
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>Your teacher account</h2>
      <p>
        The account is for <strong>{email}</strong>: choose the name your students see and a
        password.
      </p>
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        value={name}
        onChange={setName}
        error={mutation.error}
        errorId={errorId}
        maxLength={LIMITS.teacherNameLength}
      />
      <NewPasswordField
        label="Password"
        value={password}
        onChange={setPassword}
        error={mutation.error}
        errorId={errorId}
      />
      <ApiErrorAlert id={errorId} error={mutation.error} />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Creating your account…' : 'Create my account'}
      </button>
      {/* A school account with the invited address opens it as well, without a password here. */}
      <OidcButtons purpose="sign up" />
    </form>
  );
}

/** /teach/accept-invitation?token=…: an administrator's invitation opens a teacher account. */
export function AcceptInvitationPage() {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const invitation = useQuery({ ...invitationQuery(token), enabled: token !== '' });
  let body;
  if (token === '') {
    body = (
      <p className="error" role="alert">
        This address has no invitation token. Open the whole link you were given.
      </p>
    );
  } else if (invitation.isPending) {
    body = (
      <p role="status" className="loading">
        Checking your invitation…
      </p>
    );
  } else if (invitation.isError) {
    body = (
      <p className="error" role="alert">
        {describeApiError(invitation.error)}
      </p>
    );
  } else {
    body = <AcceptForm token={token} email={invitation.data.email} />;
  }
  return (
    <>
      <title>{TITLE}</title>
      <h1>{TITLE}</h1>
      {body}
      <p>
        <Link to={routes.teach.build()}>Back to sign in</Link>
      </p>
    </>
  );
}
