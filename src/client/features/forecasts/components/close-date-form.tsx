import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { useAnnounce } from '#shared/components/live-announcer';
import { formatDate } from '#shared/lib/format';
import { refreshForecasts, setCloseDate } from '../api/teacher-forecasts-api';
import type { TeacherQuestion } from '../lib/view-types';

/**
 * The day through which a question takes updates: the teacher sets it (not before today while
 * the question is open, which the server checks) or returns it to the default rule.
 */
export function CloseDateForm({
  question,
  today,
}: {
  readonly question: TeacherQuestion;
  readonly today: string;
}) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [day, setDay] = useState(question.closesOn ?? '');
  const save = useMutation({
    mutationFn: (closesOn: string | null) =>
      setCloseDate(question.sessionId, question.itemId, closesOn),
    onSuccess: (saved) => {
      setDay(saved.closesOn ?? '');
      announce(
        saved.closesOn === null
          ? 'The question closes with its session.'
          : `Close date set to ${formatDate(saved.closesOn)}.`,
      );
      refreshForecasts(queryClient, question.sessionId);
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate(day === '' ? null : day);
  };
  return (
    <form className="inline-fields" onSubmit={submit} aria-label="Close date">
      <div className="form-field">
        <label htmlFor={inputId}>Close date (UTC)</label>
        <input
          id={inputId}
          type="date"
          className="text-input"
          min={question.status === 'open' ? today : undefined}
          value={day}
          aria-invalid={save.isError}
          aria-describedby={`${hintId}${save.isError ? ` ${errorId}` : ''}`}
          onChange={(event) => {
            setDay(event.target.value);
          }}
        />
        <p id={hintId} className="hint">
          Students can update through the end of this day.
          {question.isCloseDateSet
            ? ''
            : ' Now the default: the question’s horizon, or the session’s end.'}
        </p>
      </div>
      <button type="submit" className="button" disabled={save.isPending || day === ''}>
        Set close date
      </button>
      {question.isCloseDateSet ? (
        <button
          type="button"
          className="button button-quiet"
          disabled={save.isPending}
          onClick={() => {
            save.mutate(null);
          }}
        >
          Use the default
        </button>
      ) : null}
      <ApiErrorAlert id={errorId} error={save.error} />
    </form>
  );
}
