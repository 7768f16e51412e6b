import { useId } from 'react';
import { countWords } from '#domain/lesson/answers';
import { WRITING_TEXT_MAX } from '#domain/lesson/lesson-constants';
import type { StudentWritingItem as WritingItem } from '#domain/lesson/answer-key-schemas';
import type { AnswerControlProps } from './answer-control-props';
import { WordCountedText } from './word-counted-text';

/** A writing task: the rubric it will be scored on, the text box and its word count. */
export function WritingAnswer({
  item,
  labelId,
  answer,
  onAnswer,
  disabled = false,
  isModelAnswerShown = false,
}: AnswerControlProps<'writing', WritingItem> & {
  /**
   * Offers the model answer once the piece is written: in self-study at once, in class once the
   * teacher reveals the task's results (it also comes with the teacher's feedback).
   */
  readonly isModelAnswerShown?: boolean;
}) {
  const rubricId = useId();
  const text = answer?.text ?? '';
  const words = countWords(text);
  const total = item.rubric.reduce((sum, criterion) => sum + criterion.points, 0);
  return (
    <div className="field">
      <div id={rubricId} className="hint rubric">
        <p>Your teacher scores it on these points ({total} in all):</p>
        <ul>
          {item.rubric.map((criterion) => (
            <li key={criterion.id}>
              {criterion.criterion} (
              {criterion.points === 1 ? '1 point' : `${criterion.points} points`})
            </li>
          ))}
        </ul>
      </div>
      <WordCountedText
        labelId={labelId}
        describedBy={rubricId}
        rows={10}
        maxLength={WRITING_TEXT_MAX}
        text={text}
        minWords={item.minWords}
        disabled={disabled}
        onText={(typed) => {
          onAnswer({ kind: 'writing', text: typed });
        }}
      />
      {isModelAnswerShown && item.modelAnswer !== undefined && words >= (item.minWords ?? 1) ? (
        <details className="model-answer">
          <summary>Compare with a model answer</summary>
          {item.modelAnswer.split(/\n+/).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </details>
      ) : null}
    </div>
  );
}
