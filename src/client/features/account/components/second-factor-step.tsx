import { useId, useState, type SyntheticEvent } from 'react';
import type { Teacher } from '#domain/api/live-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { useSubmission } from '#shared/hooks/use-submission';
import { finishSignInUnparsed } from '../api/sign-in-api';
import { TextField } from './text-field';

/**
 * The second step of a password sign-in when the account has a second factor: the 6-digit code
 * from the authenticator app, or one of the recovery codes. No sign-in until it is right.
 */
export function SecondFactorStep({
  pendingToken,
  onSignedIn,
  onCancel,
}: {
  readonly pendingToken: string;
  readonly onSignedIn: (teacher: Teacher) => void;
  readonly onCancel: () => void;
}) {
  const headingId = useId();
  const errorId = useId();
  const [code, setCode] = useState('');
  const mutation = useSubmission(finishSignInUnparsed, onSignedIn);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    mutation.submit({ pendingToken, code });
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>Enter your code</h2>
      <p>Your password was right. This account also asks for a code from your authenticator app.</p>
      <TextField
        label="6-digit code"
        name="code"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={mutation.error}
        errorId={errorId}
        maxLength={20}
        hint="The code your authenticator app shows now, or one of your recovery codes."
      />
      <ApiErrorAlert id={errorId} error={mutation.error} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Checking…' : 'Sign in'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Start again
        </button>
      </div>
    </form>
  );
}
