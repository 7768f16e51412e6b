import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { SecondFactorEnrolment } from '#domain/api/sign-in-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { queryKeys } from '#shared/lib/query-keys';
import {
  confirmSecondFactor,
  enrolSecondFactor,
  secondFactorQuery,
  turnOffSecondFactor,
} from '../api/account-api';
import { TextField } from './text-field';

/** Setting it up: the QR code and the secret as text, then a code to turn it on. */
function Enrolment({
  enrolment,
  onTurnedOn,
}: {
  readonly enrolment: SecondFactorEnrolment;
  readonly onTurnedOn: (recoveryCodes: readonly string[]) => void;
}) {
  const errorId = useId();
  const secretId = useId();
  const [code, setCode] = useState('');
  const confirm = useMutation({ mutationFn: confirmSecondFactor, onSuccess: onTurnedOn });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>
        Scan this code with an authenticator app (for example Google Authenticator, Microsoft
        Authenticator or FreeOTP), or type the key below into it.
      </p>
      <img
        className="second-factor-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
        alt="QR code of the key for your authenticator app"
        width={192}
        height={192}
      />
      <p>
        <span id={secretId}>Key to type in:</span>{' '}
        <code className="second-factor-secret" aria-labelledby={secretId}>
          {enrolment.secret}
        </code>
      </p>
      <TextField
        label="Code from the app"
        name="code"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={confirm.error}
        errorId={errorId}
        maxLength={6}
        hint="The 6 digits the app shows now: the second factor is on once one is right."
      />
      <ApiErrorAlert id={errorId} error={confirm.error} />
      <button type="submit" className="button button-primary" disabled={confirm.isPending}>
        {confirm.isPending ? 'Checking…' : 'Turn on'}
      </button>
    </form>
  );
}

/** Turning it off: the password and a code (or a recovery code). */
function TurnOff({ onTurnedOff }: { readonly onTurnedOff: () => void }) {
  const errorId = useId();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const turnOff = useMutation({ mutationFn: turnOffSecondFactor, onSuccess: onTurnedOff });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    turnOff.mutate({ password, code: code.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3>Turn it off</h3>
      <TextField
        label="Your password"
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={turnOff.error}
        errorId={errorId}
      />
      <TextField
        label="Code from the app, or a recovery code"
        name="code"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={turnOff.error}
        errorId={errorId}
        maxLength={20}
      />
      <ApiErrorAlert id={errorId} error={turnOff.error} />
      <button type="submit" className="button" disabled={turnOff.isPending}>
        {turnOff.isPending ? 'Turning off…' : 'Turn off the second factor'}
      </button>
    </form>
  );
}

/**
 * The account's second factor for password sign-ins (TOTP): set up with an authenticator app,
 * ten recovery codes shown once, turned off with the password and a code.
 */
export function SecondFactorSettings() {
  const queryClient = useQueryClient();
  const status = useQuery(secondFactorQuery());
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const enrol = useMutation({ mutationFn: enrolSecondFactor });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.secondFactor() });

  if (recoveryCodes) {
    return (
      <div role="status">
        <p>
          <strong>The second factor is on.</strong> Keep these recovery codes somewhere safe, apart
          from your phone: each signs you in once if you lose it. They are shown only now.
        </p>
        <ul className="second-factor-secret" aria-label="Recovery codes">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <button
          type="button"
          className="button"
          onClick={() => {
            setRecoveryCodes(null);
          }}
        >
          I have kept them
        </button>
      </div>
    );
  }
  if (status.isPending) return <p role="status">Checking your sign-in settings…</p>;
  if (status.isError) return <ApiErrorAlert error={status.error} lead="Could not check: " />;
  const { isOn, isAvailable, recoveryCodesLeft } = status.data;
  if (!isAvailable) {
    return (
      <p>
        Your account has no password: it signs in through your school account or your LMS, whose own
        second factor protects it.
      </p>
    );
  }
  if (isOn) {
    return (
      <>
        <p>
          <strong>On:</strong> signing in with your password also asks for a code from your
          authenticator app. {recoveryCodesLeft} recovery codes left.
        </p>
        <TurnOff
          onTurnedOff={() => {
            enrol.reset();
            void refresh();
          }}
        />
      </>
    );
  }
  return (
    <>
      <p>
        Off. With a second factor, signing in with your password also asks for a 6-digit code from
        an app on your phone, so a stolen password is not enough.
      </p>
      {enrol.data ? (
        <Enrolment
          enrolment={enrol.data}
          onTurnedOn={(codes) => {
            setRecoveryCodes(codes);
            enrol.reset();
            void refresh();
          }}
        />
      ) : (
        <>
          <button
            type="button"
            className="button"
            disabled={enrol.isPending}
            onClick={() => {
              enrol.mutate();
            }}
          >
            {enrol.isPending ? 'Making a key…' : 'Set up a second factor'}
          </button>
          <ApiErrorAlert error={enrol.error} />
        </>
      )}
    </>
  );
}
