import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { ForecastItem, ForecastScenario } from '#domain/lesson/lesson-schema';
import type { ForecastScores, ScenarioOutcome } from '#domain/api/dashboard-contracts';
import { LIMITS } from '#domain/live/live-constants';
import { ForecastScoresView } from '#shared/components/items/forecast-scores';
import { storeSessionView } from '#shared/lib/teacher-sessions';
import { revealOutcomes } from '../api/session-monitor-api';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/** An outcome as the teacher fills it in: whether it happened is unset until chosen. */
export interface OutcomeDraft {
  readonly happened: boolean | null;
  readonly text: string;
}

type Drafts = Readonly<Record<string, OutcomeDraft>>;

/**
 * The outcomes to start from: those already revealed, else the lesson's resolutions; a scenario
 * the lesson has not resolved yet starts with neither choice made and no text.
 */
export function initialOutcomes(item: ForecastItem, revealed: ForecastScores | undefined): Drafts {
  return Object.fromEntries(
    item.scenarios.map((scenario) => [
      scenario.id,
      revealed?.outcomes[scenario.id] ?? {
        happened: scenario.resolution?.happened ?? null,
        text: scenario.resolution?.text ?? '',
      },
    ]),
  );
}

/** The outcomes to reveal, once every scenario has its choice and its text; else null. */
export function completeOutcomes(drafts: Drafts): Record<string, ScenarioOutcome> | null {
  const outcomes: Record<string, ScenarioOutcome> = {};
  for (const [scenarioId, { happened, text }] of Object.entries(drafts)) {
    if (happened === null || text.trim() === '') return null;
    outcomes[scenarioId] = { happened, text };
  }
  return outcomes;
}

function ScenarioOutcomeFields({
  scenario,
  outcome,
  onChange,
}: {
  readonly scenario: ForecastScenario;
  readonly outcome: OutcomeDraft;
  readonly onChange: (outcome: OutcomeDraft) => void;
}) {
  const name = useId();
  const textId = useId();
  return (
    <fieldset className="outcome">
      <legend>{scenario.statement}</legend>
      <div className="choices inline" role="radiogroup" aria-label="Did it happen?">
        <label className="choice">
          <input
            type="radio"
            name={name}
            checked={outcome.happened === true}
            onChange={() => {
              onChange({ ...outcome, happened: true });
            }}
          />
          <span>Happened</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name={name}
            checked={outcome.happened === false}
            onChange={() => {
              onChange({ ...outcome, happened: false });
            }}
          />
          <span>Did not happen</span>
        </label>
      </div>
      <label htmlFor={textId}>What happened</label>
      <textarea
        id={textId}
        className="textarea"
        rows={2}
        maxLength={LIMITS.summaryLength}
        value={outcome.text}
        onChange={(event) => {
          onChange({ ...outcome, text: event.target.value });
        }}
      />
    </fieldset>
  );
}

/**
 * A forecast's resolution: the teacher reveals what happened (prefilled from the lesson, each
 * editable), then sees the class's Brier scores and calibration; students see their own.
 * Outcomes are often known only after the class, so an ended session takes them too.
 */
export function ForecastOutcomes({
  sessionId,
  item,
  scores,
}: {
  readonly sessionId: string;
  readonly item: ForecastItem;
  readonly scores: ForecastScores | undefined;
}) {
  const headingId = useId();
  const [drafts, setDrafts] = useState<Drafts>(() => initialOutcomes(item, scores));
  const queryClient = useQueryClient();
  const reveal = useMutation({
    mutationFn: (outcomes: Record<string, ScenarioOutcome>) =>
      revealOutcomes(sessionId, { itemId: item.id, outcomes }),
    onSuccess: (view) => {
      storeSessionView(queryClient, view);
    },
  });
  const outcomes = completeOutcomes(drafts);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (outcomes) reveal.mutate(outcomes);
  };
  const form = (
    <form className="outcomes-form" aria-labelledby={headingId} onSubmit={submit}>
      <h4 id={headingId}>{scores ? 'Correct the outcomes' : 'Reveal outcomes'}</h4>
      <p className="hint">
        Prefilled with what the lesson records, where it records it. Students then see what happened
        and their scores.
      </p>
      {item.scenarios.map((scenario) => (
        <ScenarioOutcomeFields
          key={scenario.id}
          scenario={scenario}
          outcome={drafts[scenario.id] ?? { happened: null, text: '' }}
          onChange={(outcome) => {
            setDrafts((current) => ({ ...current, [scenario.id]: outcome }));
          }}
        />
      ))}
      {outcomes ? null : (
        <p className="error" role="alert">
          Say for every scenario whether it happened, and what happened.
        </p>
      )}
      <ApiErrorAlert error={reveal.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={reveal.isPending || outcomes === null}
      >
        {scores ? 'Reveal corrected outcomes' : 'Reveal outcomes'}
      </button>
    </form>
  );
  return (
    <div className="forecast-outcomes">
      {scores ? <ForecastScoresView item={item} scores={scores} headingLevel={4} /> : null}
      {scores ? (
        <details className="teacher-notes">
          <summary>Correct the outcomes</summary>
          {form}
        </details>
      ) : (
        form
      )}
    </div>
  );
}
