import { useEffect, useId, useState, type SyntheticEvent } from 'react';
import type { Teacher } from '#domain/api/live-contracts';
import { LIMITS } from '#domain/live/live-constants';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { useSubmission } from '#shared/hooks/use-submission';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import {
  readSignUpPolicy,
  signInUnparsed,
  signUpUnparsed,
  type SignUpPolicy,
} from '../api/sign-in-api';
import { announceAccountChange } from '../lib/account-channel';
import { TextField } from './text-field';
import { OidcButtons } from './oidc-buttons';
import { SecondFactorStep } from './second-factor-step';

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

/** The e-mail of an account that exists (sign in, a reset link): a password manager's username. */
export function AccountEmailField(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: unknown;
  readonly errorId: string;
  readonly hint?: string;
}) {
  return (
    <TextField
      {...props}
      label="E-mail"
      type="email"
      name="email"
      autoComplete="username"
      maxLength={LIMITS.emailLength}
    />
  );
}

/** What happens once a teacher is signed in: the page that shows the forms decides. */
type OnSignedIn = (teacher: Teacher) => void;

/** The sign-up policy, once known; null while asked, or when asking failed (the form shows). */
function useSignUpPolicy(): SignUpPolicy | 'checking' | null {
  const [policy, setPolicy] = useState<SignUpPolicy | 'checking' | null>('checking');
  useEffect(() => {
    let isCurrent = true;
    readSignUpPolicy().then(
      (known) => {
        if (isCurrent) setPolicy(known);
      },
      () => {
        // The form shows: the server still refuses a sign-up it does not allow, and says why.
        if (isCurrent) setPolicy(null);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return policy;
}

/** Sign-up closed to everyone not invited: how to get an invitation, instead of a form. */
function SignUpClosed({ message }: { readonly message: string }) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Create a teacher account</h2>
      <p>{message}</p>
    </section>
  );
}

function SignUpSection({ onSignedIn }: { readonly onSignedIn: OnSignedIn }) {
  const policy = useSignUpPolicy();
  if (policy === 'checking') {
    return (
      <p role="status" className="panel loading">
        Checking who may sign up…
      </p>
    );
  }
  if (policy && !policy.isOpen && policy.domains.length === 0) {
    return <SignUpClosed message={policy.message} />;
  }
  const hint =
    policy && !policy.isOpen
      ? `Sign-up here is for addresses ending in ${policy.domains.map((d) => `@${d}`).join(', ')}.`
      : undefined;
  return <SignUpForm onSignedIn={onSignedIn} emailHint={hint} />;
}

function SignUpForm({
  onSignedIn,
  emailHint,
}: {
  readonly onSignedIn: OnSignedIn;
  readonly emailHint: string | undefined;
}) {
  const headingId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // On a server that sends e-mail, the account is made by the link in it (the same answer
  // whether or not the address has one, so a stranger is not told).
  const [checkEmailMessage, setCheckEmailMessage] = useState<string | null>(null);
  const mutation = useSubmission(signUpUnparsed, (outcome) => {
    if (outcome.teacher === null) {
      setCheckEmailMessage(outcome.checkEmailMessage);
      return;
    }
    announceAccountChange();
    onSignedIn(outcome.teacher);
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setCheckEmailMessage(null);
    mutation.submit({ name, email, password });
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
        {...(emailHint ? { hint: emailHint } : {})}
      />
      <NewPasswordField
        label="Password"
        value={password}
        onChange={setPassword}
        error={mutation.error}
        errorId={errorId}
      />
      <ApiErrorAlert id={errorId} error={mutation.error} />
      {checkEmailMessage === null ? null : (
        <p role="status" className="notice">
          {checkEmailMessage}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Creating your account…' : 'Sign up'}
      </button>
      <OidcButtons purpose="sign up" />
    </form>
  );
}

function SignInForm({ onSignedIn }: { readonly onSignedIn: OnSignedIn }) {
  const headingId = useId();
  const errorId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // A second factor on: the code is asked for next, with the token the right password earned.
  const [pendingToken, setPendingToken] = useState<string | null>(null);
  const signedIn = (teacher: Teacher) => {
    announceAccountChange();
    onSignedIn(teacher);
  };
  const mutation = useSubmission(signInUnparsed, (outcome) => {
    if (outcome.teacher === null) setPendingToken(outcome.pendingToken);
    else signedIn(outcome.teacher);
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    mutation.submit({ email, password });
  };
  if (pendingToken !== null) {
    return (
      <SecondFactorStep
        pendingToken={pendingToken}
        onSignedIn={signedIn}
        onCancel={() => {
          setPendingToken(null);
          setPassword('');
        }}
      />
    );
  }
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>Sign in</h2>
      <AccountEmailField
        value={email}
        onChange={setEmail}
        error={mutation.error}
        errorId={errorId}
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
      <ApiErrorAlert id={errorId} error={mutation.error} />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      <p>
        <Link to={routes.forgotPassword.build()}>Forgot your password?</Link>
      </p>
      <OidcButtons purpose="sign in" />
    </form>
  );
}

/** Sign-up and sign-in for teachers; students need neither. */
export function AuthForms({ onSignedIn }: { readonly onSignedIn: OnSignedIn }) {
  return (
    <div className="auth-forms">
      <SignInForm onSignedIn={onSignedIn} />
      <SignUpSection onSignedIn={onSignedIn} />
    </div>
  );
}

/** /teach for a teacher who is not signed in: what it is for, and the forms. */
export function SignedOutIntro({ onSignedIn }: { readonly onSignedIn: OnSignedIn }) {
  return (
    <>
      <p className="lead">
        Run a live class discussion of an article, or set it as self-paced work. Students join with
        a code; they need no account.
      </p>
      <AuthForms onSignedIn={onSignedIn} />
    </>
  );
}
