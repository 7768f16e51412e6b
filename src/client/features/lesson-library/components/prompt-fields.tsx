import { PROMPT_SEARCHES_MAX } from '#domain/lesson/lesson-constants';
import { MINUTES_PER_SEARCH } from '#domain/lesson/lesson-duration';
import { PROMPT_LEVELS, type DraftPrompt, type PromptLevel } from '../lib/draft-lesson';
import { bindFields, type ItemFieldsProps } from '../lib/field-binding';
import { NumberField, SelectField, TextField } from './fields';

const LEVEL_LABELS: Record<PromptLevel, string> = {
  recall: 'Recall: what the text says',
  analysis: 'Analysis: how and why',
  evaluation: 'Evaluation: is it right, what would you do',
};

/** A discussion prompt: its question, level, minimum words, hint and searches. */
export function PromptFields({ item, path, onChange }: ItemFieldsProps<DraftPrompt>) {
  const field = bindFields(item, path, onChange);
  return (
    <>
      <TextField label="Question" rows={2} {...field('question')} />
      <SelectField
        label="Level"
        options={PROMPT_LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }))}
        {...field('level')}
      />
      <NumberField
        label="Minimum words (optional)"
        min={1}
        {...field('minWords', 'guidance.minWords')}
      />
      <TextField label="Hint (optional)" {...field('hint', 'guidance.hint')} />
      <NumberField
        label="Searches it asks for (optional)"
        hint={`For a prompt that asks students to check a source: each search adds ${MINUTES_PER_SEARCH} minutes.`}
        min={1}
        max={PROMPT_SEARCHES_MAX}
        {...field('searches', 'guidance.searches')}
      />
    </>
  );
}
