import { useMutation } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { RejoinRequest } from '#domain/api/live-contracts';
import { JOIN_CODE_LENGTH, LIMITS, REJOIN_CODE_LENGTH } from '#domain/live/live-constants';
import { ApiRequestError, describeApiError } from '#shared/lib/api-client';
import { navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { signInToForecasts } from '../api/student-forecasts-api';
import { useNewRejoinCodes } from '../stores/new-rejoin-code-store';

type Field = keyof RejoinRequest;

/** Which field a refusal is about, so that field is marked and points to the message. */
function refusedField(error: unknown): Field | null {
  if (!(error instanceof ApiRequestError)) return null;
  if (error.field === 'code' || error.code === 'session_not_found') return 'code';
  if (error.field === 'displayName') return 'displayName';
  if (error.field === 'rejoinCode' || error.code === 'rejoin_refused') return 'rejoinCode';
  return null;
}

/**
 * /forecasts: a student back to their forecasts on any device, days after the lesson, with the
 * class's join code, their name and their rejoin code (also once the session has ended). The
 * rejoin code is replaced as they sign in: the page they land on says the new one.
 */
export function ForecastsSignInPage() {
  const ids = { code: useId(), displayName: useId(), rejoinCode: useId() };
  const rejoinHintId = useId();
  const errorId = useId();
  const [request, setRequest] = useState<RejoinRequest>({
    code: '',
    displayName: '',
    rejoinCode: '',
  });
  const receiveRejoinCode = useNewRejoinCodes((state) => state.receiveRejoinCode);
  const signIn = useMutation({
    mutationFn: signInToForecasts,
    onSuccess: ({ sessionId, participant }) => {
      receiveRejoinCode(sessionId, participant.rejoinCode);
      navigate(routes.studentForecasts.build({ sessionId }));
    },
  });
  const badField = refusedField(signIn.error);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    signIn.mutate({
      code: request.code.toUpperCase().replace(/[\s-]/g, ''),
      displayName: request.displayName,
      rejoinCode: request.rejoinCode.toUpperCase().replace(/[\s-]/g, ''),
    });
  };
  const field = (name: Field, label: string, maxLength: number, hintId?: string) => (
    <div className="form-field">
      <label htmlFor={ids[name]}>{label}</label>
      <input
        id={ids[name]}
        className={name === 'displayName' ? 'text-input' : 'text-input join-code-input'}
        name={name}
        autoComplete={name === 'displayName' ? 'nickname' : 'off'}
        spellCheck={false}
        required
        maxLength={maxLength}
        value={request[name]}
        aria-invalid={badField === name}
        aria-describedby={
          [hintId, badField === name ? errorId : undefined].filter(Boolean).join(' ') || undefined
        }
        onChange={(event) => {
          const value = event.target.value;
          setRequest((current) => ({ ...current, [name]: value }));
        }}
      />
    </div>
  );
  return (
    <>
      <title>Come back to your forecasts</title>
      <h1>Come back to your forecasts</h1>
      <p className="lead">
        Your class’s forecast questions stay open after the lesson, until their close date. Type the
        class’s join code, the name you joined with and your rejoin code.
      </p>
      <form className="panel" onSubmit={submit} aria-label="Come back to your forecasts" noValidate>
        {field('code', 'Join code', JOIN_CODE_LENGTH + 2)}
        {field('displayName', 'Your name', LIMITS.displayNameLength)}
        {field('rejoinCode', 'Your rejoin code', REJOIN_CODE_LENGTH + 2, rejoinHintId)}
        <p id={rejoinHintId} className="hint">
          Shown at the top of your class page; each sign-in here gives you a new one. Your teacher
          can read it to you.
        </p>
        {signIn.isError ? (
          <p id={errorId} className="error" role="alert">
            {describeApiError(signIn.error)}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Open my forecasts'}
        </button>
      </form>
    </>
  );
}
