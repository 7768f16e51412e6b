import type { PollItem } from '#domain/lesson/lesson-schema';
import type { AnswerControlProps } from './answer-control-props';

export function PollAnswer({
  item,
  labelId,
  answer,
  onAnswer,
  disabled = false,
  isExplanationShown = true,
}: AnswerControlProps<'poll', PollItem> & {
  /** Whether the poll's note on its options may show once answered (see ItemAnswer). */
  readonly isExplanationShown?: boolean;
}) {
  const chosen = answer?.optionIds ?? [];
  const isMultiple = item.mode === 'multiple';
  const name = `poll-${item.id}`;
  return (
    <div className="field">
      {isMultiple ? <p className="hint">Choose all that apply.</p> : null}
      <div role={isMultiple ? 'group' : 'radiogroup'} aria-labelledby={labelId} className="choices">
        {item.options.map((option) => (
          <label key={option.id} className="choice">
            <input
              type={isMultiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.id}
              checked={chosen.includes(option.id)}
              disabled={disabled}
              onChange={(event) => {
                const optionIds = isMultiple
                  ? event.target.checked
                    ? [...chosen, option.id]
                    : chosen.filter((id) => id !== option.id)
                  : [option.id];
                onAnswer({ kind: 'poll', optionIds });
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {item.afterAnswer && chosen.length > 0 && isExplanationShown ? (
        <p className="after-answer" role="status">
          {item.afterAnswer}
        </p>
      ) : null}
    </div>
  );
}
