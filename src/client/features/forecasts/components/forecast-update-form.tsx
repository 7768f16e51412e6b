import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import { FORECAST_REASON_MAX_LENGTH } from '#domain/api/forecast-contracts';
import { ScenarioForecast } from '#shared/components/items/forecast-answer';
import { useAnnounce } from '#shared/components/live-announcer';
import { ApiRequestError, describeApiError, isApiError } from '#shared/lib/api-client';
import { queryKeys } from '#shared/lib/query-keys';
import type { StudentQuestion } from '../lib/view-types';
import { updateMyForecast } from '../api/student-forecasts-api';
import {
  checkUpdateDraft,
  hasProblems,
  toUpdateRequest,
  type UpdateDraft,
} from '../lib/update-draft';

function latestProbabilities(
  question: StudentQuestion,
): Readonly<Record<string, number | undefined>> {
  return question.myVersions.at(-1)?.probabilities ?? {};
}

/**
 * An open question's form: a percent per scenario (the same slider and field as in class),
 * starting from the student's latest forecast, and a one-line reason, required on an update.
 * What is missing is said beside its field before anything is sent; the server's refusal (the
 * question closed meanwhile) is said under the button.
 */
export function ForecastUpdateForm({
  sessionId,
  question,
}: {
  readonly sessionId: string;
  readonly question: StudentQuestion;
}) {
  const reasonId = useId();
  const reasonHintId = useId();
  const reasonErrorId = useId();
  const missingId = useId();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const isFirstVersion = question.myVersions.length === 0;
  const [draft, setDraft] = useState<UpdateDraft>(() => ({
    probabilities: latestProbabilities(question),
    reason: '',
  }));
  const [hasTried, setHasTried] = useState(false);
  const update = useMutation({
    mutationFn: (request: ReturnType<typeof toUpdateRequest>) =>
      updateMyForecast(sessionId, question.itemId, request),
    onSuccess: async () => {
      setDraft((current) => ({ ...current, reason: '' }));
      setHasTried(false);
      announce(isFirstVersion ? 'Forecast saved.' : 'Forecast updated.');
      await queryClient.invalidateQueries({ queryKey: queryKeys.studentForecasts(sessionId) });
    },
    onError: (error) => {
      // Closed meanwhile (its day passed, or the teacher resolved it): show it as it is now.
      if (isApiError(error, 'question_closed')) {
        // The form goes with it, and its message: say it once more, aloud.
        announce(`Not saved: ${error.message}`);
        void queryClient.invalidateQueries({ queryKey: queryKeys.studentForecasts(sessionId) });
      }
    },
  });
  const problems = checkUpdateDraft(draft, question.scenarios, isFirstVersion);
  const serverError = update.error;
  const isServerReasonError =
    serverError instanceof ApiRequestError && serverError.field === 'reason';
  const reasonProblem = hasTried ? problems.reason : null;
  const showsReasonError = reasonProblem !== null || isServerReasonError;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setHasTried(true);
    if (hasProblems(problems)) return;
    update.mutate(toUpdateRequest(draft));
  };

  return (
    <form
      className="update-form"
      onSubmit={submit}
      noValidate
      aria-label={isFirstVersion ? 'Your forecast' : 'Update your forecast'}
    >
      {question.scenarios.map((scenario) => (
        <ScenarioForecast
          key={scenario.id}
          scenario={scenario}
          percent={draft.probabilities[scenario.id]}
          disabled={update.isPending}
          onChange={(percent) => {
            setDraft((current) => ({
              ...current,
              probabilities: { ...current.probabilities, [scenario.id]: percent },
            }));
          }}
          onClear={() => {
            setDraft((current) => ({
              ...current,
              probabilities: { ...current.probabilities, [scenario.id]: undefined },
            }));
          }}
        />
      ))}
      {hasTried && problems.missingScenarios.length > 0 ? (
        <p id={missingId} className="error" role="alert">
          Give every scenario a percent. Still missing: {problems.missingScenarios.join('; ')}.
        </p>
      ) : null}
      <div className="form-field">
        <label htmlFor={reasonId}>
          {isFirstVersion ? 'Why? (optional, one line)' : 'Why are you changing it? (one line)'}
        </label>
        <input
          id={reasonId}
          className="text-input reason-input"
          name="reason"
          autoComplete="off"
          maxLength={FORECAST_REASON_MAX_LENGTH}
          required={!isFirstVersion}
          value={draft.reason}
          aria-invalid={showsReasonError}
          aria-describedby={`${reasonHintId}${showsReasonError ? ` ${reasonErrorId}` : ''}`}
          onChange={(event) => {
            const reason = event.target.value;
            setDraft((current) => ({ ...current, reason }));
          }}
        />
        <p id={reasonHintId} className="hint">
          {isFirstVersion
            ? 'Every later update asks for a reason: what news or thought moved you.'
            : 'What news or thought moved you. Your teacher sees it beside your forecast.'}
        </p>
        {showsReasonError ? (
          <p id={reasonErrorId} className="error" role="alert">
            {reasonProblem ?? describeApiError(serverError)}
          </p>
        ) : null}
      </div>
      {serverError && !isServerReasonError ? (
        <p className="error" role="alert">
          {describeApiError(serverError)}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={update.isPending}>
        {update.isPending ? 'Saving…' : isFirstVersion ? 'Save forecast' : 'Update forecast'}
      </button>
    </form>
  );
}
