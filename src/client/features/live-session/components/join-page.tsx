import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import type { JoinLookupResponse } from '#domain/api/live-contracts';
import { JOIN_CODE_LENGTH, LIMITS, REJOIN_CODE_LENGTH } from '#domain/live/live-constants';
import { ApiRequestError, describeApiError, isApiError } from '#shared/lib/api-client';
import { useSubmission } from '#shared/hooks/use-submission';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { joinSession, lookUpJoinCode, rejoinSession } from '../api/join-api';

function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

function readCodeFromAddress(): string {
  return normaliseCode(new URLSearchParams(window.location.search).get('code') ?? '');
}

/** Which session a complete code opens, so the student sees it before giving a name. */
function SessionPreview({ code }: { readonly code: string }) {
  const [found, setFound] = useState<{
    readonly code: string;
    readonly session: Pick<JoinLookupResponse, 'lessonTitle' | 'status'>;
  } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    lookUpJoinCode(code).then(
      (session) => {
        if (isCurrent) setFound({ code, session });
      },
      () => {
        // A wrong or ended code is said once, by the form, when the student presses Join.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [code]);
  if (found?.code !== code) return null;
  return (
    <p className="hint" role="status">
      Session found: {found.session.lessonTitle}
      {found.session.status === 'ended' ? ' (it has ended)' : ''}
    </p>
  );
}

type Mode = 'join' | 'rejoin';

/**
 * /join: a join code (prefilled from ?code=) and a display name; no account needed. A student
 * back on another device rejoins with their personal rejoin code, and is offered that way back
 * when the name they type is already in the session.
 */
export function JoinPage() {
  const codeId = useId();
  const nameId = useId();
  const nameHintId = useId();
  const rejoinCodeId = useId();
  const rejoinHintId = useId();
  const errorId = useId();
  const [mode, setMode] = useState<Mode>('join');
  const [code, setCode] = useState(readCodeFromAddress);
  const [displayName, setDisplayName] = useState('');
  const [rejoinCode, setRejoinCode] = useState('');
  const rejoinInput = useRef<HTMLInputElement>(null);
  const goToSession = (joined: { sessionId: string }) => {
    navigate(routes.liveSession.build({ sessionId: joined.sessionId }));
  };
  const join = useSubmission(joinSession, goToSession);
  const rejoin = useSubmission(rejoinSession, goToSession);
  const active = mode === 'join' ? join : rejoin;
  const normalised = normaliseCode(code);
  const error = active.error;
  const isCodeError =
    error instanceof ApiRequestError &&
    (error.field === 'code' ||
      error.code === 'session_not_found' ||
      error.code === 'session_ended');
  const isNameTaken = mode === 'join' && isApiError(error, 'name_taken');
  const isNameError = error instanceof ApiRequestError && error.field === 'displayName';
  const isRejoinCodeError =
    mode === 'rejoin' && error instanceof ApiRequestError && error.field === 'rejoinCode';

  const switchTo = (next: Mode) => {
    join.reset();
    rejoin.reset();
    setMode(next);
  };
  useEffect(() => {
    if (mode === 'rejoin') rejoinInput.current?.focus();
  }, [mode]);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (mode === 'join') join.submit({ code, displayName });
    else rejoin.submit({ code, displayName, rejoinCode });
  };

  return (
    <>
      <title>{mode === 'join' ? 'Join a class' : 'Rejoin a class'}</title>
      <h1>{mode === 'join' ? 'Join a class' : 'Rejoin a class'}</h1>
      <p className="lead">
        {mode === 'join'
          ? 'Type the code your teacher shows, and the name the class will see.'
          : 'Back on another device? Type the class code, your name and your rejoin code: your answers come back with you.'}
      </p>
      <form
        className="panel"
        onSubmit={submit}
        aria-label={mode === 'join' ? 'Join a class' : 'Rejoin a class'}
        noValidate
      >
        <div className="form-field">
          <label htmlFor={codeId}>Join code</label>
          <input
            id={codeId}
            className="text-input join-code-input"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={JOIN_CODE_LENGTH + 2}
            value={code}
            aria-invalid={isCodeError}
            aria-describedby={isCodeError ? errorId : undefined}
            onChange={(event) => {
              setCode(event.target.value);
            }}
          />
        </div>
        {normalised.length === JOIN_CODE_LENGTH ? <SessionPreview code={normalised} /> : null}
        <div className="form-field">
          <label htmlFor={nameId}>Your name</label>
          <input
            id={nameId}
            className="text-input"
            name="displayName"
            autoComplete="nickname"
            required
            maxLength={LIMITS.displayNameLength}
            value={displayName}
            aria-invalid={isNameError && !isNameTaken}
            aria-describedby={`${nameHintId}${isNameError ? ` ${errorId}` : ''}`}
            onChange={(event) => {
              setDisplayName(event.target.value);
              // Another name may be free: the choice offered for this one no longer applies.
              if (isNameTaken) join.reset();
            }}
          />
          <p id={nameHintId} className="hint">
            {mode === 'join'
              ? 'Your first name is enough. Your teacher sees it beside your answers.'
              : 'The name you joined with.'}
          </p>
        </div>
        {mode === 'rejoin' ? (
          <div className="form-field">
            <label htmlFor={rejoinCodeId}>Your rejoin code</label>
            <input
              ref={rejoinInput}
              id={rejoinCodeId}
              className="text-input join-code-input"
              name="rejoinCode"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              maxLength={REJOIN_CODE_LENGTH + 2}
              value={rejoinCode}
              aria-invalid={isRejoinCodeError}
              aria-describedby={`${rejoinHintId}${isRejoinCodeError ? ` ${errorId}` : ''}`}
              onChange={(event) => {
                setRejoinCode(event.target.value);
              }}
            />
            <p id={rejoinHintId} className="hint">
              Shown at the top of your class page after you joined. Your teacher can see it too.
            </p>
          </div>
        ) : null}
        {active.isError ? (
          <p id={errorId} className="error" role="alert">
            {describeApiError(error)}
          </p>
        ) : null}
        {isNameTaken ? (
          <div className="button-row" role="group" aria-label="Is this you?">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                switchTo('rejoin');
              }}
            >
              That’s me: enter my rejoin code
            </button>
            <button
              type="button"
              className="button"
              disabled={join.isPending}
              onClick={() => {
                join.submit({ code, displayName, asNewNamesake: true });
              }}
            >
              I’m someone else: join as another {displayName.trim()}
            </button>
          </div>
        ) : (
          <button type="submit" className="button button-primary" disabled={active.isPending}>
            {mode === 'join'
              ? join.isPending
                ? 'Joining…'
                : 'Join'
              : rejoin.isPending
                ? 'Rejoining…'
                : 'Rejoin'}
          </button>
        )}
      </form>
      <p>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            switchTo(mode === 'join' ? 'rejoin' : 'join');
          }}
        >
          {mode === 'join'
            ? 'Here before, on another device? Get back in with your code'
            : 'First time in this class? Join instead'}
        </button>
      </p>
      <p className="hint">
        Your teacher sees your name and answers.{' '}
        <Link to={routes.privacy.build()}>What is kept, and for how long</Link>
      </p>
    </>
  );
}
