import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { describeLessonFileProblem, LESSON_FILE_MAX_BYTES } from '#domain/lesson/lesson-file';
import type { LessonProblem } from '#domain/api/lesson-library-contracts';
import { describeApiError } from '#shared/lib/api-client';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import {
  importLesson,
  lessonProblemsOf,
  moreLessonProblemsOf,
  storeLessonDetail,
  type LessonDetailView,
} from '../api/library-api';
import { formatFileSize } from '../lib/describe-lesson';
import { countProblems, MoreProblems } from './problem-list';

type Outcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'imported'; readonly detail: LessonDetailView }
  | {
      readonly kind: 'problems';
      readonly problems: readonly LessonProblem[];
      /** Problems beyond those listed (the server lists the first 100). */
      readonly moreProblems: number;
      readonly message: string;
    }
  | { readonly kind: 'error'; readonly message: string };

/** Imports a lesson file into the library; a refused file lists every problem, by line and field. */
export function ImportLessonForm() {
  const headingId = useId();
  const fileId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: importLesson,
    onSuccess: (detail) => {
      storeLessonDetail(queryClient, detail);
      setOutcome({ kind: 'imported', detail });
      if (inputRef.current) inputRef.current.value = '';
    },
    onError: (error) => {
      const problems = lessonProblemsOf(error);
      setOutcome(
        problems === null
          ? { kind: 'error', message: describeApiError(error) }
          : {
              kind: 'problems',
              problems,
              moreProblems: moreLessonProblemsOf(error),
              message: describeApiError(error),
            },
      );
    },
  });

  useEffect(() => {
    // A list of problems is where the teacher goes next: take them there.
    if (outcome.kind === 'problems' || outcome.kind === 'imported') outcomeRef.current?.focus();
  }, [outcome]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setOutcome({ kind: 'error', message: 'Choose a lesson file (.lesson.json) to import.' });
      inputRef.current?.focus();
      return;
    }
    if (file.size > LESSON_FILE_MAX_BYTES) {
      setOutcome({
        kind: 'error',
        message: `The file is ${formatFileSize(file.size)}: a lesson file can be at most ${formatFileSize(LESSON_FILE_MAX_BYTES)}.`,
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      console.warn('The chosen file could not be read.', error);
      setOutcome({ kind: 'error', message: 'The file could not be read. Choose it again.' });
      return;
    }
    setOutcome({ kind: 'none' });
    mutation.mutate(text);
  };

  return (
    <form
      className="panel"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <h2 id={headingId}>Import a lesson file</h2>
      <div className="form-field">
        <label htmlFor={fileId}>Lesson file</label>
        <input
          ref={inputRef}
          id={fileId}
          type="file"
          accept=".json,application/json"
          aria-describedby={hintId}
          aria-invalid={outcome.kind === 'error' || outcome.kind === 'problems' ? true : undefined}
          onChange={() => {
            setOutcome({ kind: 'none' });
          }}
        />
        <p id={hintId} className="hint">
          A <code>.lesson.json</code> file exported from this app or another install, at most{' '}
          {formatFileSize(LESSON_FILE_MAX_BYTES)}. It becomes a new lesson of yours, published as
          version 1.
        </p>
      </div>
      <button type="submit" className="button" disabled={mutation.isPending}>
        {mutation.isPending ? 'Importing…' : 'Import'}
      </button>
      <div role="status">
        {outcome.kind === 'imported' ? (
          <>
            <h3 ref={outcomeRef} tabIndex={-1}>
              Imported “{outcome.detail.summary.title}”
            </h3>
            <p>
              <Link to={routes.lessonEditor.build({ lessonId: outcome.detail.summary.lessonId })}>
                Open “{outcome.detail.summary.title}”
              </Link>
            </p>
          </>
        ) : null}
      </div>
      {outcome.kind === 'error' ? (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      ) : null}
      {outcome.kind === 'problems' ? (
        <div className="problem-list">
          <h3 ref={outcomeRef} tabIndex={-1} className="error">
            The file could not be imported:{' '}
            {countProblems(outcome.problems.length + outcome.moreProblems)}
          </h3>
          {outcome.problems.length === 0 ? <p>{outcome.message}</p> : null}
          <ul>
            {outcome.problems.map((problem, index) => (
              <li key={index}>{describeLessonFileProblem(problem)}</li>
            ))}
          </ul>
          <MoreProblems count={outcome.moreProblems} />
        </div>
      ) : null}
    </form>
  );
}
