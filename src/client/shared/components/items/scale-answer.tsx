import type { AnswerFor } from '#domain/lesson/answers';
import { SCALE_LABELS } from '#domain/lesson/lesson-constants';
import type { ScaleItem } from '#domain/lesson/lesson-schema';

export function ScaleAnswer({
  item,
  labelId,
  answer,
  onAnswer,
  disabled = false,
}: {
  readonly item: ScaleItem;
  readonly labelId: string;
  readonly answer: AnswerFor<'scale'> | undefined;
  readonly onAnswer: (answer: AnswerFor<'scale'>) => void;
  /** Shows the choice read-only, e.g. once the teacher has closed the question. */
  readonly disabled?: boolean;
}) {
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="choices scale">
      {SCALE_LABELS.map((label, index) => (
        <label key={label} className="choice">
          <input
            type="radio"
            name={`scale-${item.id}`}
            value={index + 1}
            checked={answer?.value === index + 1}
            disabled={disabled}
            onChange={() => {
              onAnswer({ kind: 'scale', value: index + 1 });
            }}
          />
          <span>{label}</span>
        </label>
      ))}
    </div>
  );
}
