import { useId } from 'react';
import { countWords } from '#domain/lesson/answers';
import { WRITING_TEXT_MAX } from '#domain/lesson/lesson-constants';
import type { StudentWritingItem as WritingItem } from '#domain/lesson/answer-key-schemas';
import { toSafeText } from '#domain/live/safe-text';
import type { AnswerControlProps } from './answer-control-props';

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
  const countId = useId();
  const text = answer?.text ?? '';
  const words = countWords(text);
  const total = item.rubric.reduce((sum, criterion) => sum + criterion.points, 0);
  return (
    <div className="field">
      <div className="hint rubric">
        <p id={rubricId}>Your teacher scores it on these points ({total} in all):</p>
        <ul>
          {item.rubric.map((criterion, index) => (
            <li key={criterion.id}>
              <span id={`${rubricId}-${index}`}>
                {criterion.criterion} (
                {criterion.points === 1 ? '1 point' : `${criterion.points} points`})
              </span>
              {/* Read by browsing, not with the text box's description: 4 levels of 4 criteria
                  would make it 16 lines long. */}
              {criterion.levels === undefined ? null : (
                <ul>
                  {criterion.levels.map((descriptor, level) => (
                    <li key={level}>
                      Level {level + 1}: {descriptor}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </div>
      <textarea
        className="textarea"
        aria-labelledby={labelId}
        aria-describedby={[
          rubricId,
          ...item.rubric.map((_, i) => `${rubricId}-${i}`),
          countId,
        ].join(' ')}
        rows={10}
        maxLength={WRITING_TEXT_MAX}
        value={text}
        readOnly={disabled}
        onChange={(event) => {
          // Pasted control characters would be refused by the server: drop them here.
          onAnswer({ kind: 'writing', text: toSafeText(event.target.value) });
        }}
      />
      <p id={countId} className="hint">
        {words === 1 ? '1 word' : `${words} words`}
        {item.minWords ? ` (aim for at least ${item.minWords})` : ''}
      </p>
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
