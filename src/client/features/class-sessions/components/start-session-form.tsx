import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { SessionMode } from '#domain/api/live-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import {
  SessionModeChoices,
  type SessionModeLabels,
} from '#shared/components/session-mode-choices';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { createSession, lessonFilePath, teacherLessonListQuery } from '../api/class-sessions-api';
import { storeSessionView } from '#shared/lib/teacher-sessions';

const MODE_LABELS: SessionModeLabels = {
  'teacher-paced': {
    label: 'Teacher-paced',
    hint: 'The class sees the section you are on; you open each question.',
  },
  'self-paced': {
    label: 'Self-paced',
    hint: 'Students move through the sections on their own; every question is open.',
  },
};

/** Starts a session of a lesson and opens its control panel. */
export function StartSessionForm() {
  const headingId = useId();
  const lessonId = useId();
  const modeId = useId();
  const library = useQuery(teacherLessonListQuery());
  // A session runs a published version: drafts and archived lessons cannot start one.
  const usable = (library.data ?? []).filter((l) => l.publishedVersion !== null && !l.archived);
  const [chosen, setLesson] = useState<string | null>(null);
  const lesson = usable.some((l) => l.lessonId === chosen) ? chosen : (usable[0]?.lessonId ?? null);
  const [mode, setMode] = useState<SessionMode>('teacher-paced');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createSession,
    onSuccess: (view) => {
      storeSessionView(queryClient, view);
      navigate(routes.teacherSession.build({ sessionId: view.session.id }));
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (lesson !== null) mutation.mutate({ lessonId: lesson, mode });
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId}>Start a session</h2>
      <div className="form-field">
        <label htmlFor={lessonId}>Lesson</label>
        {library.isPending ? (
          <p role="status">Loading your lessons…</p>
        ) : library.isError ? (
          <ApiErrorAlert error={library.error} lead="Your lessons could not be loaded: " />
        ) : (
          <select
            id={lessonId}
            className="text-input"
            value={lesson ?? ''}
            onChange={(event) => {
              setLesson(event.target.value);
            }}
          >
            {usable.map((l) => (
              <option key={l.lessonId} value={l.lessonId}>
                {l.title}
                {l.builtIn ? ' (built in)' : ` (version ${l.publishedVersion ?? ''})`}
              </option>
            ))}
          </select>
        )}
        {library.isSuccess && usable.length === 0 ? (
          <p className="hint">No lesson is published yet.</p>
        ) : null}
        <p className="hint">
          {lesson !== null ? (
            <>
              <a href={lessonFilePath(lesson)} download>
                Download this lesson as a file
              </a>{' '}
              (an open format: <code>.lesson.json</code>).{' '}
            </>
          ) : null}
          <Link to={routes.lessonLibrary.build()}>Your lessons</Link>: write, import and share
          lessons.
        </p>
      </div>
      <fieldset className="form-field">
        <legend id={modeId}>Mode</legend>
        <SessionModeChoices labels={MODE_LABELS} mode={mode} onChange={setMode} />
      </fieldset>
      <ApiErrorAlert error={mutation.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={mutation.isPending || lesson === null}
      >
        {mutation.isPending ? 'Starting…' : 'Start a session'}
      </button>
    </form>
  );
}
