import { SCALE_LABELS } from '#domain/lesson/lesson-constants';
import type { ScaleItem } from '#domain/lesson/lesson-schema';
import type { AnswerControlProps } from './answer-control-props';

export function ScaleAnswer({
  item,
  labelId,
  answer,
  onAnswer,
  disabled = false,
}: AnswerControlProps<'scale', ScaleItem>) {
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
