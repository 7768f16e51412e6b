import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeApiError } from '#shared/lib/api-client';
import {
  lessonProblemsOf,
  moreLessonProblemsOf,
  publishLesson,
  storeLessonDetail,
} from '../api/library-api';
import type { EditorProblem } from '../lib/problems';

class DraftNotSavedError extends Error {
  override readonly name = 'DraftNotSavedError';
}

/**
 * Publishes the draft as a new version: once every change is saved and the editor finds no
 * problem; the server checks again, and its problems (422) join the editor's list.
 */
export function PublishButton({
  lessonId,
  problemCount,
  flush,
  onProblems,
}: {
  readonly lessonId: string;
  readonly problemCount: number;
  /** Saves what waits; true once the server has it all. */
  readonly flush: () => Promise<boolean>;
  /**
   * The server's problems (the first 100, and how many more), or the editor's own when there
   * are some (the list takes focus).
   */
  readonly onProblems: (problems: readonly EditorProblem[], moreProblems: number) => void;
}) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      if (!(await flush())) {
        throw new DraftNotSavedError(
          'The draft is not saved yet, so it cannot be published. Try again when it says “Saved”.',
        );
      }
      return publishLesson(lessonId);
    },
    onSuccess: (detail) => {
      storeLessonDetail(queryClient, detail);
      const text = `Version ${detail.published?.version ?? detail.summary.publishedVersion ?? ''} published.`;
      setResult(text);
    },
    onError: (publishError) => {
      const problems = lessonProblemsOf(publishError);
      if (problems !== null) {
        onProblems(
          problems.map(({ path, message }) => ({ path, message })),
          moreLessonProblemsOf(publishError),
        );
        return;
      }
      setError(
        publishError instanceof DraftNotSavedError
          ? publishError.message
          : describeApiError(publishError),
      );
    },
  });
  return (
    <div className="publish">
      <button
        type="button"
        className="button button-primary"
        disabled={mutation.isPending}
        onClick={() => {
          setResult(null);
          setError(null);
          if (problemCount > 0) {
            onProblems([], 0);
            return;
          }
          mutation.mutate();
        }}
      >
        {mutation.isPending ? 'Publishing…' : 'Publish'}
      </button>
      {/* In the page from the start, empty: a live region added already filled is not read. */}
      <p role="status" className={result ? 'status status-done' : undefined}>
        {result}
      </p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
