import { removeAt, replaceAt } from '../lib/draft-edits';
import { type DraftPoll } from '../lib/draft-lesson';
import { newPollOption } from '../lib/new-draft-parts';
import { FieldGroup, SelectField, TextField } from './fields';

/** A poll: its question, single or multiple choice, options and the note shown after answering. */
export function PollFields({
  item,
  path,
  onChange,
}: {
  readonly item: DraftPoll;
  readonly path: string;
  readonly onChange: (item: DraftPoll) => void;
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
      <SelectField
        path={`${path}.mode`}
        label="Answers"
        value={item.mode}
        options={[
          { value: 'single', label: 'One option (single choice)' },
          { value: 'multiple', label: 'Any number of options (multiple choice)' },
        ]}
        onChange={(mode) => {
          onChange({ ...item, mode });
        }}
      />
      <FieldGroup path={`${path}.options`} legend="Options" hint="At least two.">
        <ol className="editor-list">
          {item.options.map((option, o) => (
            <li key={option.id} className="editor-row">
              <TextField
                path={`${path}.options[${o}].label`}
                label={`Option ${o + 1}`}
                value={option.label}
                onChange={(label) => {
                  onChange({ ...item, options: replaceAt(item.options, o, { ...option, label }) });
                }}
              />
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => {
                  onChange({ ...item, options: removeAt(item.options, o) });
                }}
              >
                Remove option {o + 1}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            onChange({ ...item, options: [...item.options, newPollOption()] });
          }}
        >
          Add an option
        </button>
      </FieldGroup>
      <TextField
        path={`${path}.afterAnswer`}
        label="Explanation shown after answering (optional)"
        rows={2}
        value={item.afterAnswer}
        onChange={(afterAnswer) => {
          onChange({ ...item, afterAnswer });
        }}
      />
    </>
  );
}
