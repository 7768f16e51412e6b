import type { StudentWritingItem as WritingItem } from '#domain/lesson/answer-key-schemas';
import { describeScore, rubricTotal, scoredTotal } from '#domain/lesson/rubric';
import type { WritingFeedback } from '#domain/api/result-contracts';

/** The teacher's released feedback on the student's writing, with the task's model answer. */
export function WritingFeedbackView({
  item,
  feedback,
  headingLevel = 3,
}: {
  readonly item: WritingItem;
  readonly feedback: WritingFeedback;
  readonly headingLevel?: 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="writing-feedback" role="region" aria-label="Your teacher’s feedback">
      <Heading>
        Your teacher’s feedback: {scoredTotal(item, feedback.scores)} of {rubricTotal(item)} points
      </Heading>
      <ul>
        {item.rubric.map((criterion) => (
          <li key={criterion.id}>
            {criterion.criterion}: {describeScore(criterion, feedback.scores[criterion.id] ?? 0)}
          </li>
        ))}
      </ul>
      {feedback.comment.trim() !== '' ? (
        <p className="writing-comment">
          <strong>Comment:</strong> {feedback.comment}
        </p>
      ) : null}
      {item.modelAnswer === undefined ? null : (
        <details>
          <summary>A model answer</summary>
          {item.modelAnswer.split(/\n+/).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </details>
      )}
    </div>
  );
}
