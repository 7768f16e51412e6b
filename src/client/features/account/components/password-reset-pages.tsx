import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import { describeApiError } from '#shared/lib/api-client';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import {
  forgotPassword,
  passwordResetOptionsQuery,
  resetLinkQuery,
  resetPassword,
} from '../api/account-api';
import { replaceSignedInTeacher } from '../lib/account-cache';
import { announceAccountChange } from '../lib/account-channel';
import { useNoticeStore } from '#shared/stores/notice-store';
import { AccountEmailField, NewPasswordField } from './auth-forms';

function ForgotPasswordForm() {
  const headingId = useId();
  const errorId = useId();
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: forgotPassword });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    mutation.mutate({ email });
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>Get a link by e-mail</h2>
      <AccountEmailField
        value={email}
        onChange={setEmail}
        error={mutation.error}
        errorId={errorId}
        hint="The address you signed up with."
      />
      <ApiErrorAlert id={errorId} error={mutation.error} />
      <div role="status">{mutation.isSuccess ? <p>{mutation.data.message}</p> : null}</div>
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Sending…' : 'Send me a link'}
      </button>
    </form>
  );
}

/** /teach/forgot-password: a link by e-mail when the server sends mail, else whom to ask. */
export function ForgotPasswordPage() {
  const options = useQuery(passwordResetOptionsQuery());
  return (
    <>
      <title>Forgot your password?</title>
      <h1>Forgot your password?</h1>
      {options.isPending ? (
        <p role="status">Loading…</p>
      ) : options.isError ? (
        <p className="error" role="alert">
          {describeApiError(options.error)}
        </p>
      ) : options.data.isByEmail ? (
        <>
          <p className="lead">
            We send a link to set a new password to your e-mail address. It works once, for an hour.
          </p>
          <ForgotPasswordForm />
        </>
      ) : (
        <div className="panel">
          <p>
            This server does not send e-mail. Ask the person who runs it for a link to set a new
            password. They can make one by running this on the server, with your e-mail address:
          </p>
          <pre className="command">npm run admin -- reset-password you@school.example</pre>
        </div>
      )}
      <p>
        <Link to={routes.teach.build()}>Back to sign in</Link>
      </p>
    </>
  );
}

function NewPasswordForm({ token, email }: { readonly token: string; readonly email: string }) {
  const headingId = useId();
  const errorId = useId();
  const [password, setPassword] = useState('');
  const queryClient = useQueryClient();
  const showNotice = useNoticeStore((s) => s.showNotice);
  const mutation = useMutation({
    mutationFn: resetPassword,
    onSuccess: (teacher) => {
      replaceSignedInTeacher(queryClient, teacher);
      announceAccountChange();
      showNotice('Your new password is set, and you are signed in.');
      // Replaced, so back does not return to a link that is used up.
      navigate(routes.teach.build(), { replace: true });
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    mutation.mutate({ token, password });
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>Choose a new password</h2>
      <p>For {email}. Setting it signs you out on your other devices.</p>
      {/* Lets a password manager store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordField
        label="New password"
        value={password}
        onChange={setPassword}
        error={mutation.error}
        errorId={errorId}
      />
      <ApiErrorAlert id={errorId} error={mutation.error} />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Setting your password…' : 'Set the new password'}
      </button>
    </form>
  );
}

/** /teach/reset-password?token=…: the one-time link's page, to choose a new password. */
export function ResetPasswordPage() {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const link = useQuery({ ...resetLinkQuery(token), enabled: token !== '' });
  return (
    <>
      <title>Set a new password</title>
      <h1>Set a new password</h1>
      {token === '' ? (
        <p className="error" role="alert">
          This address has no link token. Open the whole link you were given.
        </p>
      ) : link.isPending ? (
        <p role="status">Checking the link…</p>
      ) : link.isError ? (
        <div role="alert">
          <p className="error">{describeApiError(link.error)}</p>
          <p>
            <Link to={routes.forgotPassword.build()}>Get a new link</Link> or{' '}
            <Link to={routes.teach.build()}>sign in</Link>.
          </p>
        </div>
      ) : (
        <NewPasswordForm token={token} email={link.data.email} />
      )}
    </>
  );
}
