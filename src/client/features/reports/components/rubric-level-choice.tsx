import { useId } from 'react';
import type { RubricCriterion } from '#domain/lesson/lesson-schema';

/**
 * A criterion that describes its levels, scored by choosing one: "Not shown (0)" and each level
 * with its descriptor, as radio buttons (arrow keys move between them, Tab to the next
 * criterion). Level k is worth k points.
 */
export function RubricLevelChoice({
  criterion,
  levels,
  score,
  onScore,
}: {
  readonly criterion: Pick<RubricCriterion, 'criterion' | 'points'>;
  readonly levels: readonly string[];
  readonly score: number | null;
  readonly onScore: (score: number) => void;
}) {
  const name = useId();
  const labelId = useId();
  const choices = [
    { score: 0, label: 'Not shown (0)' },
    ...levels.map((descriptor, index) => ({
      score: index + 1,
      label: `${index + 1} — ${descriptor}`,
    })),
  ];
  return (
    <div className="form-field">
      <span id={labelId}>
        {criterion.criterion} (0 to {criterion.points})
      </span>
      <div role="radiogroup" aria-labelledby={labelId} className="choices">
        {choices.map((choice) => (
          <label key={choice.score} className="choice">
            <input
              type="radio"
              name={name}
              checked={score === choice.score}
              onChange={() => {
                onScore(choice.score);
              }}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
