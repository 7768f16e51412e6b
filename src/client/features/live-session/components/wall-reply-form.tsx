import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { toSafeText } from '#domain/live/safe-text';
import {
  WALL_REPLY_KIND_LABELS,
  WALL_REPLY_KINDS,
  WALL_REPLY_MAX_LENGTH,
  type WallReplyKind,
} from '#domain/live/wall-replies';
import { describeApiError } from '#shared/lib/api-client';
import { queryKeys } from '#shared/lib/query-keys';
import { sendWallReply } from '../api/student-api';

/**
 * The small form under a classmate's response: what the reply does (builds on, challenges or
 * asks) and a short text. Escape or Cancel closes it; sending closes it and says so.
 */
export function WallReplyForm({
  sessionId,
  responseId,
  author,
  onClose,
}: {
  readonly sessionId: string;
  readonly responseId: string;
  /** Whose response it answers, as the wall shows them ("Teal Heron", "a classmate"). */
  readonly author: string;
  /** Called with true once the reply is sent, false when the student cancels. */
  readonly onClose: (isSent: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const kindName = useId();
  const textId = useId();
  const countId = useId();
  const firstKindRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<WallReplyKind | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: { kind: WallReplyKind; text: string }) =>
      sendWallReply(sessionId, responseId, body),
    onSuccess: () => {
      // The event stream says so too, a moment later; the author's page hears it from there.
      void queryClient.invalidateQueries({ queryKey: queryKeys.studentSession(sessionId) });
      onClose(true);
    },
  });

  useEffect(() => {
    firstKindRef.current?.focus();
  }, []);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (kind === null) {
      setProblem('Choose what your reply does: builds on, challenges or asks.');
      return;
    }
    if (text.trim() === '') {
      setProblem('Write your reply first.');
      return;
    }
    setProblem(null);
    send.mutate({ kind, text });
  };

  const error = problem ?? (send.isError ? describeApiError(send.error) : null);
  return (
    <form
      className="wall-reply-form"
      aria-label={`Reply to ${author}`}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !send.isPending) {
          event.preventDefault();
          onClose(false);
        }
      }}
    >
      <fieldset className="form-field">
        <legend>Kind of reply</legend>
        <div className="choices inline">
          {WALL_REPLY_KINDS.map((value, index) => (
            <label key={value} className="choice">
              <input
                ref={index === 0 ? firstKindRef : undefined}
                type="radio"
                name={kindName}
                checked={kind === value}
                onChange={() => {
                  setKind(value);
                }}
              />
              {WALL_REPLY_KIND_LABELS[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-field">
        <label htmlFor={textId}>Your reply</label>
        <textarea
          id={textId}
          className="textarea"
          rows={3}
          maxLength={WALL_REPLY_MAX_LENGTH}
          aria-describedby={countId}
          value={text}
          onChange={(event) => {
            // Pasted control characters would be refused by the server: drop them here.
            setText(toSafeText(event.target.value));
          }}
        />
        <p id={countId} className="hint">
          {text.length} of {WALL_REPLY_MAX_LENGTH} characters
        </p>
      </div>
      {error === null ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={send.isPending}
        >
          {send.isPending ? 'Sending…' : 'Send'}
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={send.isPending}
          onClick={() => {
            onClose(false);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
