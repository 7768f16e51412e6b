import { useId } from 'react';
import type { PromptItem } from '#domain/lesson/lesson-schema';
import type { AnswerControlProps } from './answer-control-props';
import { WordCountedText } from './word-counted-text';

export function PromptAnswer({
  item,
  labelId,
  answer,
  onAnswer,
  disabled = false,
}: AnswerControlProps<'prompt', PromptItem>) {
  const hintId = useId();
  const text = answer?.text ?? '';
  return (
    <div className="field">
      {item.guidance?.hint ? (
        <p id={hintId} className="hint">
          {item.guidance.hint}
        </p>
      ) : null}
      <WordCountedText
        labelId={labelId}
        describedBy={item.guidance?.hint ? hintId : ''}
        rows={5}
        maxLength={5000}
        text={text}
        minWords={item.guidance?.minWords}
        disabled={disabled}
        onText={(typed) => {
          onAnswer({ kind: 'prompt', text: typed });
        }}
      />
    </div>
  );
}
