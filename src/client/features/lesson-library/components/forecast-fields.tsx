import { useId } from 'react';
import { removeAt, replaceAt } from '../lib/draft-edits';
import { type DraftForecast, type DraftScenario } from '../lib/draft-lesson';
import { newScenario } from '../lib/new-draft-parts';
import { FieldGroup, NumberField, TextField } from './fields';

const OUTCOMES: readonly { value: boolean | null; label: string }[] = [
  { value: null, label: 'Not known yet' },
  { value: true, label: 'Happened' },
  { value: false, label: 'Did not happen' },
];

function ScenarioFields({
  scenario,
  index,
  path,
  onChange,
  onRemove,
}: {
  readonly scenario: DraftScenario;
  readonly index: number;
  readonly path: string;
  readonly onChange: (scenario: DraftScenario) => void;
  readonly onRemove: () => void;
}) {
  const name = useId();
  const number = index + 1;
  const { resolution } = scenario;
  return (
    <li className="editor-subitem">
      <h5>Scenario {number}</h5>
      <TextField
        path={`${path}.statement`}
        label={`Scenario ${number}: what might happen`}
        rows={2}
        value={scenario.statement}
        onChange={(statement) => {
          onChange({ ...scenario, statement });
        }}
      />
      <FieldGroup
        path={`${path}.lessonReading`}
        legend={`The lesson’s reading of scenario ${number}`}
        hint="The probability the article seems to give it, 0 to 100 %, and in one line why you read it so. Leave both empty when the article gives no view: students then see “No view given”."
        className="form-field field-pair"
      >
        <NumberField
          path={`${path}.lessonReading.probability`}
          label="Probability (%)"
          min={0}
          max={100}
          value={scenario.lessonReading.probability}
          onChange={(probability) => {
            onChange({ ...scenario, lessonReading: { ...scenario.lessonReading, probability } });
          }}
        />
        <TextField
          path={`${path}.lessonReading.reason`}
          label="Reason, in one line"
          value={scenario.lessonReading.reason}
          onChange={(reason) => {
            onChange({ ...scenario, lessonReading: { ...scenario.lessonReading, reason } });
          }}
        />
      </FieldGroup>
      <FieldGroup
        path={`${path}.resolution`}
        legend={`Resolution of scenario ${number}`}
        hint="What happened by the horizon date. While it is not known, leave “Not known yet”: the lesson can be published, students see “Not resolved yet” and the scenario is scored once you fill it in and publish again."
      >
        <FieldGroup
          path={`${path}.resolution.happened`}
          legend="Did it happen?"
          className="form-field choices inline"
        >
          {OUTCOMES.map((outcome) => (
            <label key={String(outcome.value)} className="choice">
              <input
                type="radio"
                name={name}
                checked={resolution.happened === outcome.value}
                onChange={() => {
                  onChange({ ...scenario, resolution: { ...resolution, happened: outcome.value } });
                }}
              />
              <span>{outcome.label}</span>
            </label>
          ))}
        </FieldGroup>
        <TextField
          path={`${path}.resolution.date`}
          label="Date it was settled"
          type="date"
          value={resolution.date}
          onChange={(date) => {
            onChange({ ...scenario, resolution: { ...resolution, date } });
          }}
        />
        <TextField
          path={`${path}.resolution.text`}
          label="What happened, in one sentence"
          rows={2}
          value={resolution.text}
          onChange={(text) => {
            onChange({ ...scenario, resolution: { ...resolution, text } });
          }}
        />
      </FieldGroup>
      <button type="button" className="button button-quiet button-small" onClick={onRemove}>
        Remove scenario {number}
      </button>
    </li>
  );
}

/** A forecast: its question, as-of and horizon dates, and scenarios with their resolutions. */
export function ForecastFields({
  item,
  path,
  onChange,
}: {
  readonly item: DraftForecast;
  readonly path: string;
  readonly onChange: (item: DraftForecast) => void;
}) {
  return (
    <>
      <TextField
        path={`${path}.question`}
        label="Question"
        rows={2}
        value={item.question}
        onChange={(question) => {
          onChange({ ...item, question });
        }}
      />
      <div className="field-pair">
        <TextField
          path={`${path}.asOf`}
          label="As of (the date the student imagines)"
          type="date"
          value={item.asOf}
          onChange={(asOf) => {
            onChange({ ...item, asOf });
          }}
        />
        <TextField
          path={`${path}.horizon`}
          label="Horizon (by when it happens or not)"
          type="date"
          value={item.horizon}
          onChange={(horizon) => {
            onChange({ ...item, horizon });
          }}
        />
      </div>
      <FieldGroup path={`${path}.scenarios`} legend="Scenarios">
        <ol className="editor-list">
          {item.scenarios.map((scenario, k) => (
            <ScenarioFields
              key={scenario.id}
              scenario={scenario}
              index={k}
              path={`${path}.scenarios[${k}]`}
              onChange={(changed) => {
                onChange({ ...item, scenarios: replaceAt(item.scenarios, k, changed) });
              }}
              onRemove={() => {
                onChange({ ...item, scenarios: removeAt(item.scenarios, k) });
              }}
            />
          ))}
        </ol>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            onChange({ ...item, scenarios: [...item.scenarios, newScenario()] });
          }}
        >
          Add a scenario
        </button>
      </FieldGroup>
    </>
  );
}
