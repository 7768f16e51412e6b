import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { JoinLookupResponse } from '../../../../domain/live/live-contracts';
import { JOIN_CODE_LENGTH, LIMITS } from '../../../../domain/live/live-constants';
import { api, ApiRequestError, describeApiError } from '../../../shared/lib/api-client';
import { queryKeys } from '../../../shared/lib/query-keys';
import { navigate } from '../../../shared/lib/router';
import { joinSession } from '../api/student-api';
import { liveSessionPath } from '../lib/paths';

function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

function readCodeFromAddress(): string {
  return normaliseCode(new URLSearchParams(window.location.search).get('code') ?? '');
}

/** Which session a complete code opens, so the student sees it before giving a name. */
function SessionPreview({ code }: { readonly code: string }) {
  const lookup = useQuery({
    queryKey: queryKeys.joinLookup(code),
    queryFn: () => api.get<JoinLookupResponse>(`/api/join/${encodeURIComponent(code)}`),
    retry: false,
    staleTime: 60_000,
  });
  // A wrong or ended code is said once, by the form, when the student presses Join.
  if (lookup.isPending || lookup.isError) return null;
  return (
    <p className="hint" role="status">
      Session found: {lookup.data.lessonTitle}
      {lookup.data.status === 'ended' ? ' (it has ended)' : ''}
    </p>
  );
}

/** /join: a join code (prefilled from ?code=) and a display name; no account needed. */
export function JoinPage() {
  const codeId = useId();
  const nameId = useId();
  const nameHintId = useId();
  const errorId = useId();
  const [code, setCode] = useState(readCodeFromAddress);
  const [displayName, setDisplayName] = useState('');
  const mutation = useMutation({
    mutationFn: joinSession,
    onSuccess: (joined) => {
      navigate(liveSessionPath(joined.sessionId));
    },
  });
  const normalised = normaliseCode(code);
  const error = mutation.error;
  const isCodeError =
    error instanceof ApiRequestError &&
    (error.field === 'code' ||
      error.code === 'session_not_found' ||
      error.code === 'session_ended');
  const isNameError = error instanceof ApiRequestError && error.field === 'displayName';

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    mutation.mutate({ code, displayName });
  };

  return (
    <>
      <title>Join a class</title>
      <h1>Join a class</h1>
      <p className="lead">Type the code your teacher shows, and the name the class will see.</p>
      <form className="panel" onSubmit={submit} aria-label="Join a class" noValidate>
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
            aria-invalid={isNameError}
            aria-describedby={`${nameHintId}${isNameError ? ` ${errorId}` : ''}`}
            onChange={(event) => {
              setDisplayName(event.target.value);
            }}
          />
          <p id={nameHintId} className="hint">
            Your first name is enough. Your teacher sees it beside your answers.
          </p>
        </div>
        {mutation.isError ? (
          <p id={errorId} className="error" role="alert">
            {describeApiError(error)}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Joining…' : 'Join'}
        </button>
      </form>
    </>
  );
}
