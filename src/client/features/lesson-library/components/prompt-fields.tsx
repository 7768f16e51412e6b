import { PROMPT_LEVELS, type DraftPrompt, type PromptLevel } from '../lib/draft-lesson';
import { NumberField, SelectField, TextField } from './fields';

const LEVEL_LABELS: Record<PromptLevel, string> = {
  recall: 'Recall: what the text says',
  analysis: 'Analysis: how and why',
  evaluation: 'Evaluation: is it right, what would you do',
};

/** A discussion prompt: its question, level, minimum words and hint. */
export function PromptFields({
  item,
  path,
  onChange,
}: {
  readonly item: DraftPrompt;
  readonly path: string;
  readonly onChange: (item: DraftPrompt) => void;
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
        path={`${path}.level`}
        label="Level"
        value={item.level}
        options={PROMPT_LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }))}
        onChange={(level) => {
          onChange({ ...item, level });
        }}
      />
      <NumberField
        path={`${path}.guidance.minWords`}
        label="Minimum words (optional)"
        min={1}
        value={item.minWords}
        onChange={(minWords) => {
          onChange({ ...item, minWords });
        }}
      />
      <TextField
        path={`${path}.guidance.hint`}
        label="Hint (optional)"
        value={item.hint}
        onChange={(hint) => {
          onChange({ ...item, hint });
        }}
      />
    </>
  );
}
