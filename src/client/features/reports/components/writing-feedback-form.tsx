import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { WRITING_COMMENT_MAX } from '#domain/lesson/lesson-constants';
import type { WritingItem } from '#domain/lesson/lesson-schema';
import { rubricTotal, scoredTotal } from '#domain/lesson/rubric';
import type { WritingSubmission } from '#domain/api/dashboard-contracts';
import { describeApiError } from '#shared/lib/api-client';
import { queryKeys } from '#shared/lib/query-keys';
import { scoreWriting } from '../api/reports-api';
import { RubricLevelChoice } from './rubric-level-choice';

/**
 * One student's piece of writing in the report: the text, a score for each rubric criterion (a
 * level chosen for a criterion that describes its levels, points typed for one that does not) and
 * a comment; "Save" keeps the feedback for the teacher, "Save and release" lets the student see
 * it (with the model answer), and "Take back" hides it again.
 */
export function WritingFeedbackForm({
  sessionId,
  item,
  submission,
}: {
  readonly sessionId: string;
  readonly item: WritingItem;
  readonly submission: WritingSubmission;
}) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const given = submission.feedback;
  const [scores, setScores] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(item.rubric.map((c) => [c.id, given?.scores[c.id] ?? null])),
  );
  const [comment, setComment] = useState(given?.comment ?? '');
  const save = useMutation({
    mutationFn: (release: boolean) => {
      const complete = Object.fromEntries(
        item.rubric.map((c) => [c.id, scores[c.id] ?? 0] as const),
      );
      return scoreWriting(sessionId, item.id, submission.participantId, {
        scores: complete,
        comment,
        release,
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherReport(sessionId) });
    },
  });
  const isScored = item.rubric.every((c) => scores[c.id] !== null);
  const total = scoredTotal(
    item,
    Object.fromEntries(item.rubric.map((c) => [c.id, scores[c.id] ?? 0])),
  );
  const released = (save.data ?? given)?.releasedAt ?? null;
  return (
    <article className="writing-feedback" aria-labelledby={headingId}>
      <h4 id={headingId}>{submission.label}</h4>
      <blockquote className="writing-text">
        {submission.text.split(/\n+/).map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </blockquote>
      <fieldset className="rubric-scores">
        <legend>
          Score against the rubric ({total} of {rubricTotal(item)})
        </legend>
        {item.rubric.map((criterion) =>
          criterion.levels === undefined ? (
            <label key={criterion.id} className="form-field number-field">
              <span>
                {criterion.criterion} (0 to {criterion.points})
              </span>
              <input
                className="text-input"
                type="number"
                inputMode="numeric"
                min={0}
                max={criterion.points}
                step={1}
                value={scores[criterion.id] ?? ''}
                onChange={(event) => {
                  const typed = event.target.value.trim();
                  const number = Number(typed);
                  setScores({
                    ...scores,
                    [criterion.id]: typed === '' || !Number.isFinite(number) ? null : number,
                  });
                }}
              />
            </label>
          ) : (
            <RubricLevelChoice
              key={criterion.id}
              criterion={criterion}
              levels={criterion.levels}
              score={scores[criterion.id] ?? null}
              onScore={(score) => {
                setScores({ ...scores, [criterion.id]: score });
              }}
            />
          ),
        )}
      </fieldset>
      <label className="form-field">
        <span>Comment for {submission.label}</span>
        <textarea
          className="textarea"
          rows={3}
          maxLength={WRITING_COMMENT_MAX}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
          }}
        />
      </label>
      <div className="button-row no-print">
        <button
          type="button"
          className="button"
          disabled={save.isPending}
          onClick={() => {
            save.mutate(false);
          }}
        >
          {released ? 'Save and take back' : 'Save'}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={save.isPending || !isScored}
          onClick={() => {
            save.mutate(true);
          }}
        >
          Save and release to {submission.label}
        </button>
      </div>
      <p role="status" className="hint">
        {save.isPending
          ? 'Saving…'
          : released
            ? `Released to ${submission.label}.`
            : given || save.isSuccess
              ? `Saved; ${submission.label} cannot see it yet.`
              : isScored
                ? ''
                : 'Score every criterion to release the feedback.'}
      </p>
      {save.error ? (
        <p role="alert" className="error">
          {describeApiError(save.error)}
        </p>
      ) : null}
    </article>
  );
}
