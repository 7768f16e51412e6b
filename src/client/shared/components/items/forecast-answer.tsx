import { useId, useState } from 'react';
import type { AnswerFor } from '#domain/lesson/answers';
import type {
  StudentForecastItem as ForecastItem,
  StudentForecastScenario as ForecastScenario,
} from '#domain/lesson/answer-key-schemas';
import { formatDate, parsePercent } from '../../lib/format';

const UNSET_SLIDER_POSITION = 50;

/**
 * One scenario's percent: a slider and a number field named after the scenario, kept in step.
 * Also the forecasts page's input, so a forecast is given the same way in class and after.
 */
export function ScenarioForecast({
  scenario,
  percent,
  onChange,
  onClear,
  disabled,
}: {
  readonly scenario: Pick<ForecastScenario, 'statement'>;
  readonly percent: number | undefined;
  readonly onChange: (percent: number) => void;
  readonly onClear: () => void;
  readonly disabled: boolean;
}) {
  const statementId = useId();
  const inputId = useId();
  const errorId = useId();
  // What the student is typing, while it differs from the saved value; null shows the saved one.
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (percent === undefined ? '' : String(percent));
  const isInvalid = draft !== null && draft.trim() !== '' && parsePercent(draft) === null;

  return (
    <div role="group" aria-labelledby={statementId} className="scenario">
      <p id={statementId} className="scenario-statement">
        {scenario.statement}
      </p>
      <div className="scenario-inputs">
        <input
          type="range"
          className={percent === undefined ? 'slider slider-unset' : 'slider'}
          min={0}
          max={100}
          step={1}
          value={percent ?? UNSET_SLIDER_POSITION}
          disabled={disabled}
          // Named after its scenario: a screen reader's list of form controls shows no group.
          aria-label={`${scenario.statement}: probability slider`}
          aria-valuetext={percent === undefined ? 'not set yet' : `${percent} percent`}
          onChange={(event) => {
            setDraft(null);
            onChange(Number(event.target.value));
          }}
        />
        {percent === undefined ? (
          // The slider's value text says so to a screen reader.
          <span className="unset-badge" aria-hidden="true">
            Not set
          </span>
        ) : null}
        <label htmlFor={inputId} className="percent-label">
          <span className="visually-hidden">{scenario.statement}: </span>Probability (%)
        </label>
        <input
          id={inputId}
          type="text"
          inputMode="numeric"
          className="percent-input"
          value={shown}
          readOnly={disabled}
          aria-invalid={isInvalid}
          aria-describedby={isInvalid ? errorId : undefined}
          onChange={(event) => {
            const typed = event.target.value;
            setDraft(typed);
            const value = parsePercent(typed);
            if (value !== null) onChange(value);
            else if (typed.trim() === '') onClear();
          }}
          onBlur={() => {
            if (!isInvalid) setDraft(null);
          }}
        />
      </div>
      {isInvalid ? (
        <p id={errorId} className="error" role="alert">
          Enter a whole number from 0 to 100. Your saved forecast is{' '}
          {percent === undefined ? 'not set yet' : `${percent} %`}.
        </p>
      ) : null}
    </div>
  );
}

export function ForecastAnswer({
  item,
  answer,
  onAnswer,
  disabled = false,
}: {
  readonly item: ForecastItem;
  readonly answer: AnswerFor<'forecast'> | undefined;
  readonly onAnswer: (answer: AnswerFor<'forecast'>) => void;
  /** Shows the forecast read-only, e.g. once the teacher has closed the question. */
  readonly disabled?: boolean;
}) {
  const probabilities = answer?.probabilities ?? {};
  return (
    <div className="field">
      <p className="hint">
        Forecast as of {formatDate(item.asOf)}, for what happens by {formatDate(item.horizon)}.
      </p>
      {item.scenarios.map((scenario) => (
        <ScenarioForecast
          key={scenario.id}
          scenario={scenario}
          percent={probabilities[scenario.id]}
          disabled={disabled}
          onChange={(percent) => {
            onAnswer({
              kind: 'forecast',
              probabilities: { ...probabilities, [scenario.id]: percent },
            });
          }}
          onClear={() => {
            const rest = Object.fromEntries(
              Object.entries(probabilities).filter(([id]) => id !== scenario.id),
            );
            onAnswer({ kind: 'forecast', probabilities: rest });
          }}
        />
      ))}
    </div>
  );
}
