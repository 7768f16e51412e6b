import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { Teacher } from '../../../../domain/live/live-contracts';
import { LIMITS } from '../../../../domain/live/live-constants';
import { ApiRequestError, describeApiError } from '../../../shared/lib/api-client';
import { queryKeys } from '../../../shared/lib/query-keys';
import { Link } from '../../../shared/lib/router';
import { routes } from '../../../shared/lib/routes';
import { signIn, signUp } from '../api/teacher-api';
import { announceAccountChange } from '../lib/account-cache';

function fieldError(error: unknown, field: string): boolean {
  return error instanceof ApiRequestError && error.field === field;
}

export function TextField({
  label,
  type = 'text',
  name,
  autoComplete,
  value,
  onChange,
  error,
  errorId,
  maxLength,
  hint,
}: {
  readonly label: string;
  readonly type?: string;
  readonly name: string;
  readonly autoComplete: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: unknown;
  readonly errorId: string;
  readonly maxLength?: number;
  readonly hint?: string;
}) {
  const id = useId();
  const hintId = useId();
  const isInvalid = fieldError(error, name);
  const describedBy = [hint ? hintId : '', isInvalid ? errorId : ''].join(' ').trim();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="text-input"
        type={type}
        name={name}
        autoComplete={autoComplete}
        required
        maxLength={maxLength}
        value={value}
        aria-invalid={isInvalid}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A password being chosen (sign-up, reset), with the rules the server holds it to. */
export function NewPasswordField(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: unknown;
  readonly errorId: string;
}) {
  return (
    <TextField
      {...props}
      type="password"
      name="password"
      autoComplete="new-password"
      hint={`At least ${LIMITS.passwordMinLength} characters, not one of the most common passwords.`}
      maxLength={LIMITS.passwordMaxLength}
    />
  );
}

function useAuthMutation<T>(run: (request: T) => Promise<Teacher>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (teacher) => {
      queryClient.setQueryData(queryKeys.teacherMe(), teacher);
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessions() });
      announceAccountChange();
    },
  });
}

function SignUpForm() {
  const headingId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useAuthMutation(signUp);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    mutation.mutate({ name, email, password });
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>Create a teacher account</h2>
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
      <TextField
        label="E-mail"
        type="email"
        name="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={mutation.error}
        errorId={errorId}
        maxLength={LIMITS.emailLength}
      />
      <NewPasswordField
        label="Password"
        value={password}
        onChange={setPassword}
        error={mutation.error}
        errorId={errorId}
      />
      {mutation.isError ? (
        <p id={errorId} className="error" role="alert">
          {describeApiError(mutation.error)}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Creating your account…' : 'Sign up'}
      </button>
    </form>
  );
}

function SignInForm() {
  const headingId = useId();
  const errorId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useAuthMutation(signIn);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    mutation.mutate({ email, password });
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>Sign in</h2>
      <TextField
        label="E-mail"
        type="email"
        name="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={mutation.error}
        errorId={errorId}
        maxLength={LIMITS.emailLength}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={mutation.error}
        errorId={errorId}
        maxLength={LIMITS.passwordMaxLength}
      />
      {mutation.isError ? (
        <p id={errorId} className="error" role="alert">
          {describeApiError(mutation.error)}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      <p>
        <Link to={routes.forgotPassword.build()}>Forgot your password?</Link>
      </p>
    </form>
  );
}

/** Sign-up and sign-in for teachers; students need neither. */
export function AuthForms() {
  return (
    <div className="auth-forms">
      <SignInForm />
      <SignUpForm />
    </div>
  );
}
