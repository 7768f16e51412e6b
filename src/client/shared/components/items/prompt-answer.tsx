import { useId } from 'react';
import { countWords } from '#domain/lesson/answers';
import type { PromptItem } from '#domain/lesson/lesson-schema';
import { toSafeText } from '#domain/live/safe-text';
import type { AnswerControlProps } from './answer-control-props';

export function PromptAnswer({
  item,
  labelId,
  answer,
  onAnswer,
  disabled = false,
}: AnswerControlProps<'prompt', PromptItem>) {
  const hintId = useId();
  const countId = useId();
  const text = answer?.text ?? '';
  const words = countWords(text);
  const minWords = item.guidance?.minWords;
  return (
    <div className="field">
      {item.guidance?.hint ? (
        <p id={hintId} className="hint">
          {item.guidance.hint}
        </p>
      ) : null}
      <textarea
        className="textarea"
        aria-labelledby={labelId}
        aria-describedby={`${item.guidance?.hint ? hintId : ''} ${countId}`.trim()}
        rows={5}
        maxLength={5000}
        value={text}
        readOnly={disabled}
        onChange={(event) => {
          // Pasted control characters would be refused by the server: drop them here.
          onAnswer({ kind: 'prompt', text: toSafeText(event.target.value) });
        }}
      />
      <p id={countId} className="hint">
        {words === 1 ? '1 word' : `${words} words`}
        {minWords ? ` (aim for at least ${minWords})` : ''}
      </p>
    </div>
  );
}
