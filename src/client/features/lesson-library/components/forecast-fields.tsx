import { useId } from 'react';
import { bindFields, type ItemFieldsProps } from '../lib/field-binding';
import { type DraftForecast, type DraftScenario } from '../lib/draft-lesson';
import { newScenario } from '../lib/new-draft-parts';
import { DraftedMark } from './drafted-mark';
import { FieldGroup, NumberField, TextField } from './fields';
import { ListField, RemoveButton } from './list-field';

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
  const field = bindFields(scenario, path, onChange);
  const readingField = bindFields(
    scenario.lessonReading,
    `${path}.lessonReading`,
    (lessonReading) => {
      onChange({ ...scenario, lessonReading });
    },
  );
  const resolutionField = bindFields(resolution, `${path}.resolution`, (changed) => {
    onChange({ ...scenario, resolution: changed });
  });
  const happened = resolutionField('happened');
  return (
    <li className="editor-subitem">
      <h5>Scenario {number}</h5>
      <DraftedMark path={path} part={scenario} onChange={onChange} />
      <TextField label={`Scenario ${number}: what might happen`} rows={2} {...field('statement')} />
      <FieldGroup
        path={`${path}.lessonReading`}
        legend={`The lesson’s reading of scenario ${number}`}
        hint="The probability the article seems to give it, 0 to 100 %, and in one line why you read it so. Leave both empty when the article gives no view: students then see “No view given”."
        className="form-field field-pair"
      >
        <NumberField label="Probability (%)" min={0} max={100} {...readingField('probability')} />
        <TextField label="Reason, in one line" {...readingField('reason')} />
      </FieldGroup>
      <FieldGroup
        path={`${path}.resolution`}
        legend={`Resolution of scenario ${number}`}
        hint="What happened by the horizon date. While it is not known, leave “Not known yet”: the lesson can be published, students see “Not resolved yet” and the scenario is scored once you fill it in and publish again."
      >
        <FieldGroup
          path={happened.path}
          legend="Did it happen?"
          className="form-field choices inline"
        >
          {OUTCOMES.map((outcome) => (
            <label key={String(outcome.value)} className="choice">
              <input
                type="radio"
                name={name}
                checked={happened.value === outcome.value}
                onChange={() => {
                  happened.onChange(outcome.value);
                }}
              />
              <span>{outcome.label}</span>
            </label>
          ))}
        </FieldGroup>
        <TextField label="Date it was settled" type="date" {...resolutionField('date')} />
        <TextField label="What happened, in one sentence" rows={2} {...resolutionField('text')} />
      </FieldGroup>
      <RemoveButton label={`Remove scenario ${number}`} onRemove={onRemove} />
    </li>
  );
}

/** A forecast: its question, as-of and horizon dates, and scenarios with their resolutions. */
export function ForecastFields({ item, path, onChange }: ItemFieldsProps<DraftForecast>) {
  const field = bindFields(item, path, onChange);
  return (
    <>
      <TextField label="Question" rows={2} {...field('question')} />
      <div className="field-pair">
        <TextField label="As of (the date the student imagines)" type="date" {...field('asOf')} />
        <TextField label="Horizon (by when it happens or not)" type="date" {...field('horizon')} />
      </div>
      <ListField
        legend="Scenarios"
        newEntry={newScenario}
        addLabel="Add a scenario"
        {...field('scenarios')}
      >
        {(scenario, { index, path: scenarioPath, change, remove }) => (
          <ScenarioFields
            scenario={scenario}
            index={index}
            path={scenarioPath}
            onChange={change}
            onRemove={remove}
          />
        )}
      </ListField>
    </>
  );
}
