import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { ScenarioOutcome } from '#domain/api/forecast-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { ConfirmDialog } from '#shared/components/confirm-dialog';
import { useAnnounce } from '#shared/components/live-announcer';
import { refreshForecasts, resolveForecast } from '../api/teacher-forecasts-api';
import {
  checkScenarioDraft,
  toResolutionRequest,
  type ResolutionDraft,
  type ScenarioResolutionDraft,
} from '../lib/resolution-draft';
import type { QuestionScenario, TeacherQuestion } from '../lib/view-types';

const OUTCOME_CHOICES: readonly { value: ScenarioOutcome | ''; label: string }[] = [
  { value: '', label: 'Not yet' },
  { value: 'yes', label: 'Happened' },
  { value: 'no', label: 'Did not happen' },
  { value: 'annulled', label: 'Annulled (scores nobody)' },
];

function draftOf(scenario: QuestionScenario, today: string): ScenarioResolutionDraft {
  const resolution = scenario.resolution?.source === 'teacher' ? scenario.resolution : null;
  return {
    outcome: resolution?.outcome ?? '',
    resolvedOn: resolution?.resolvedOn ?? today,
    sourceUrl: resolution?.sourceUrl ?? '',
  };
}

function ScenarioFields({
  scenario,
  draft,
  problems,
  onChange,
}: {
  readonly scenario: QuestionScenario;
  readonly draft: ScenarioResolutionDraft;
  readonly problems: ReturnType<typeof checkScenarioDraft>;
  readonly onChange: (draft: ScenarioResolutionDraft) => void;
}) {
  const dayId = useId();
  const urlId = useId();
  const dayErrorId = useId();
  const urlErrorId = useId();
  const name = useId();
  return (
    <fieldset className="resolve-scenario">
      <legend>{scenario.statement}</legend>
      <div
        className="inline-fields"
        role="radiogroup"
        aria-label={`Outcome: ${scenario.statement}`}
      >
        {OUTCOME_CHOICES.map((choice) => (
          <label key={choice.value}>
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={draft.outcome === choice.value}
              onChange={() => {
                onChange({ ...draft, outcome: choice.value });
              }}
            />{' '}
            {choice.label}
          </label>
        ))}
      </div>
      {draft.outcome === '' ? null : (
        <div className="inline-fields">
          <div className="form-field">
            <label htmlFor={dayId}>Known on (UTC day)</label>
            <input
              id={dayId}
              type="date"
              className="text-input"
              value={draft.resolvedOn}
              aria-invalid={problems.resolvedOn !== undefined}
              aria-describedby={problems.resolvedOn === undefined ? undefined : dayErrorId}
              onChange={(event) => {
                onChange({ ...draft, resolvedOn: event.target.value });
              }}
            />
            {problems.resolvedOn === undefined ? null : (
              <p id={dayErrorId} className="error">
                {problems.resolvedOn}
              </p>
            )}
          </div>
          <div className="form-field">
            <label htmlFor={urlId}>
              Source link{draft.outcome === 'annulled' ? ' (optional)' : ''}
            </label>
            <input
              id={urlId}
              type="url"
              className="text-input"
              placeholder="https://"
              value={draft.sourceUrl}
              aria-invalid={problems.sourceUrl !== undefined}
              aria-describedby={problems.sourceUrl === undefined ? undefined : urlErrorId}
              onChange={(event) => {
                onChange({ ...draft, sourceUrl: event.target.value });
              }}
            />
            {problems.sourceUrl === undefined ? null : (
              <p id={urlErrorId} className="error">
                {problems.sourceUrl}
              </p>
            )}
          </div>
        </div>
      )}
    </fieldset>
  );
}

/**
 * Resolving a question, scenario by scenario: what happened (or annulled), the day it became
 * known and a source. Sending asks first, as every student's score follows from it (it can be
 * corrected later, and the scores are computed again).
 */
export function ResolveForm({
  question,
  today,
}: {
  readonly question: TeacherQuestion;
  readonly today: string;
}) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<ResolutionDraft>(() =>
    Object.fromEntries(question.scenarios.map((s) => [s.id, draftOf(s, today)])),
  );
  const [hasTried, setHasTried] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const resolve = useMutation({
    mutationFn: () => {
      const request = toResolutionRequest(draft);
      if (request === null) throw new Error('Choose an outcome for at least one scenario.');
      return resolveForecast(question.sessionId, question.itemId, request);
    },
    onSuccess: (saved) => {
      announce(
        saved.status === 'resolved'
          ? 'Resolved: the students’ scores are updated.'
          : 'Saved: scores are updated for the resolved scenarios.',
      );
      refreshForecasts(queryClient, question.sessionId);
    },
  });
  const problems = Object.fromEntries(
    question.scenarios.map((s) => [
      s.id,
      hasTried ? checkScenarioDraft(draft[s.id] ?? draftOf(s, today), today) : {},
    ]),
  );
  const hasOutcome = toResolutionRequest(draft) !== null;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setHasTried(true);
    const isValid = question.scenarios.every(
      (s) => Object.keys(checkScenarioDraft(draft[s.id] ?? draftOf(s, today), today)).length === 0,
    );
    if (isValid && hasOutcome) setIsConfirming(true);
  };
  return (
    <form onSubmit={submit} aria-label={`Resolve: ${question.question}`} noValidate>
      {question.scenarios.map((scenario) => (
        <ScenarioFields
          key={scenario.id}
          scenario={scenario}
          draft={draft[scenario.id] ?? draftOf(scenario, today)}
          problems={problems[scenario.id] ?? {}}
          onChange={(next) => {
            setDraft((current) => ({ ...current, [scenario.id]: next }));
          }}
        />
      ))}
      {hasTried && !hasOutcome ? (
        <p className="error" role="alert">
          Choose an outcome for at least one scenario.
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={resolve.isPending}>
        {resolve.isPending ? 'Saving…' : 'Resolve'}
      </button>
      <ApiErrorAlert error={resolve.error} />
      <ConfirmDialog
        isOpen={isConfirming}
        title="Resolve this question?"
        message="Every student’s score on it is computed from these outcomes, and they see it at once. You can correct it later."
        confirmLabel="Resolve"
        onCancel={() => {
          setIsConfirming(false);
        }}
        onConfirm={() => {
          setIsConfirming(false);
          resolve.mutate();
        }}
      />
    </form>
  );
}
