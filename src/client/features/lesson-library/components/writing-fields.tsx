import { WRITING_CRITERIA_MAX, WRITING_POINTS_MAX } from '#domain/lesson/lesson-constants';
import { bindFields, type ItemFieldsProps } from '../lib/field-binding';
import { type DraftWriting } from '../lib/draft-lesson';
import { newCriterion } from '../lib/new-draft-parts';
import { NumberField, TextField } from './fields';
import { ListField, RemoveButton } from './list-field';

/** A writing task: the task, its suggested length, the rubric's criteria and a model answer. */
export function WritingFields({ item, path, onChange }: ItemFieldsProps<DraftWriting>) {
  const field = bindFields(item, path, onChange);
  return (
    <>
      <TextField label="Task" rows={3} {...field('task')} />
      <NumberField label="Suggested length in words (optional)" min={1} {...field('minWords')} />
      <ListField
        legend="Rubric"
        hint={`What you score the piece on: up to ${WRITING_CRITERIA_MAX} criteria, each worth 1 to ${WRITING_POINTS_MAX} points. Students see it with the task.`}
        newEntry={newCriterion}
        addLabel="Add a criterion"
        canAdd={item.rubric.length < WRITING_CRITERIA_MAX}
        {...field('rubric')}
      >
        {(criterion, { index, path: criterionPath, change, remove }) => {
          const criterionField = bindFields(criterion, criterionPath, change);
          const levels = criterionField('levels');
          return (
            <li className="editor-subitem field-pair">
              <TextField label={`Criterion ${index + 1}`} {...criterionField('criterion')} />
              <NumberField
                label={`Points for criterion ${index + 1}`}
                min={1}
                max={WRITING_POINTS_MAX}
                {...criterionField('points')}
              />
              {/* Lines, as teacher notes are typed: a level added, edited or removed is a line. */}
              <TextField
                path={levels.path}
                label={`Levels of criterion ${index + 1} (optional)`}
                hint="What the work looks like at each level, one a line, level 1 first: one line for each point (level 3 earns 3 points). You then score by choosing a level. Leave empty to type the points."
                rows={4}
                value={levels.value.join('\n')}
                onChange={(typed) => {
                  levels.onChange(typed === '' ? [] : typed.split('\n'));
                }}
              />
              <RemoveButton label={`Remove criterion ${index + 1}`} onRemove={remove} />
            </li>
          );
        }}
      </ListField>
      <TextField
        label="Model answer (students see it with your feedback)"
        rows={6}
        {...field('modelAnswer')}
      />
    </>
  );
}
