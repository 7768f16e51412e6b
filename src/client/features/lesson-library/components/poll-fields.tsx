import { bindFields, type ItemFieldsProps } from '../lib/field-binding';
import { type DraftPoll } from '../lib/draft-lesson';
import { newPollOption } from '../lib/new-draft-parts';
import { SelectField, TextField } from './fields';
import { LineListField } from './list-field';

/** A poll: its question, single or multiple choice, options and the note shown after answering. */
export function PollFields({ item, path, onChange }: ItemFieldsProps<DraftPoll>) {
  const field = bindFields(item, path, onChange);
  return (
    <>
      <TextField label="Question" rows={2} {...field('question')} />
      <SelectField
        label="Answers"
        options={[
          { value: 'single', label: 'One option (single choice)' },
          { value: 'multiple', label: 'Any number of options (multiple choice)' },
        ]}
        {...field('mode')}
      />
      <LineListField
        legend="Options"
        hint="At least two."
        newEntry={newPollOption}
        addLabel="Add an option"
        {...field('options')}
        entryLabel="Option"
        textKey="label"
      />
      <TextField
        label="Explanation shown after answering (optional)"
        rows={2}
        {...field('afterAnswer')}
      />
    </>
  );
}
