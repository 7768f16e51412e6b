import { useId } from 'react';
import { countWords } from '#domain/lesson/answers';
import { toSafeText } from '#domain/live/safe-text';

/** A written answer's text box, and under it how many words it has and how many to aim for. */
export function WordCountedText({
  labelId,
  describedBy,
  rows,
  maxLength,
  text,
  minWords,
  disabled,
  onText,
}: {
  readonly labelId: string;
  /** The ids of what else describes the box (a hint, a rubric), if anything. */
  readonly describedBy: string;
  readonly rows: number;
  readonly maxLength: number;
  readonly text: string;
  readonly minWords: number | undefined;
  readonly disabled: boolean;
  readonly onText: (text: string) => void;
}) {
  const countId = useId();
  const words = countWords(text);
  return (
    <>
      <textarea
        className="textarea"
        aria-labelledby={labelId}
        aria-describedby={`${describedBy} ${countId}`.trim()}
        rows={rows}
        maxLength={maxLength}
        value={text}
        readOnly={disabled}
        onChange={(event) => {
          // Pasted control characters would be refused by the server: drop them here.
          onText(toSafeText(event.target.value));
        }}
      />
      <p id={countId} className="hint">
        {words === 1 ? '1 word' : `${words} words`}
        {minWords ? ` (aim for at least ${minWords})` : ''}
      </p>
    </>
  );
}
