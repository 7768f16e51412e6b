import { WRITING_CRITERIA_MAX, WRITING_POINTS_MAX } from '#domain/lesson/lesson-constants';
import { removeAt, replaceAt } from '../lib/draft-edits';
import { type DraftWriting } from '../lib/draft-lesson';
import { newCriterion } from '../lib/new-draft-parts';
import { FieldGroup, NumberField, TextField } from './fields';

/** A writing task: the task, its suggested length, the rubric's criteria and a model answer. */
export function WritingFields({
  item,
  path,
  onChange,
}: {
  readonly item: DraftWriting;
  readonly path: string;
  readonly onChange: (item: DraftWriting) => void;
}) {
  return (
    <>
      <TextField
        path={`${path}.task`}
        label="Task"
        rows={3}
        value={item.task}
        onChange={(task) => {
          onChange({ ...item, task });
        }}
      />
      <NumberField
        path={`${path}.minWords`}
        label="Suggested length in words (optional)"
        min={1}
        value={item.minWords}
        onChange={(minWords) => {
          onChange({ ...item, minWords });
        }}
      />
      <FieldGroup
        path={`${path}.rubric`}
        legend="Rubric"
        hint={`What you score the piece on: up to ${WRITING_CRITERIA_MAX} criteria, each worth 1 to ${WRITING_POINTS_MAX} points. Students see it with the task.`}
      >
        <ol className="editor-list">
          {item.rubric.map((criterion, c) => (
            <li key={criterion.id} className="editor-subitem field-pair">
              <TextField
                path={`${path}.rubric[${c}].criterion`}
                label={`Criterion ${c + 1}`}
                value={criterion.criterion}
                onChange={(text) => {
                  onChange({
                    ...item,
                    rubric: replaceAt(item.rubric, c, { ...criterion, criterion: text }),
                  });
                }}
              />
              <NumberField
                path={`${path}.rubric[${c}].points`}
                label={`Points for criterion ${c + 1}`}
                min={1}
                max={WRITING_POINTS_MAX}
                value={criterion.points}
                onChange={(points) => {
                  onChange({
                    ...item,
                    rubric: replaceAt(item.rubric, c, { ...criterion, points }),
                  });
                }}
              />
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => {
                  onChange({ ...item, rubric: removeAt(item.rubric, c) });
                }}
              >
                Remove criterion {c + 1}
              </button>
            </li>
          ))}
        </ol>
        {item.rubric.length < WRITING_CRITERIA_MAX ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              onChange({ ...item, rubric: [...item.rubric, newCriterion()] });
            }}
          >
            Add a criterion
          </button>
        ) : null}
      </FieldGroup>
      <TextField
        path={`${path}.modelAnswer`}
        label="Model answer (students see it with your feedback)"
        rows={6}
        value={item.modelAnswer}
        onChange={(modelAnswer) => {
          onChange({ ...item, modelAnswer });
        }}
      />
    </>
  );
}
