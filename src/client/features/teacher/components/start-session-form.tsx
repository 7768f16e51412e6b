import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { SessionMode } from '../../../../domain/live/live-contracts';
import { SESSION_MODES } from '../../../../domain/live/live-constants';
import { soleimaniLesson } from '../../../../domain/lessons/soleimani-lesson';
import { describeApiError } from '../../../shared/lib/api-client';
import { navigate } from '../../../shared/lib/router';
import { routes } from '../../../shared/lib/routes';
import { createSession, lessonFilePath, storeSessionView } from '../api/teacher-api';

/** Until the form lists the teacher's library (listLessons): the built-in lesson. */
const LESSONS = [soleimaniLesson];

const MODE_LABELS: Record<SessionMode, { label: string; hint: string }> = {
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
  const [lesson, setLesson] = useState(LESSONS[0]?.id ?? '');
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
    mutation.mutate({ lessonId: lesson, mode });
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId}>Start a session</h2>
      <div className="form-field">
        <label htmlFor={lessonId}>Lesson</label>
        <select
          id={lessonId}
          className="text-input"
          value={lesson}
          onChange={(event) => {
            setLesson(event.target.value);
          }}
        >
          {LESSONS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.metadata.title}
            </option>
          ))}
        </select>
        <p className="hint">
          <a href={lessonFilePath(lesson)} download>
            Download this lesson as a file
          </a>{' '}
          (an open format: <code>.lesson.json</code>)
        </p>
      </div>
      <fieldset className="form-field">
        <legend id={modeId}>Mode</legend>
        <div className="choices">
          {SESSION_MODES.map((m) => (
            <label key={m} className="choice">
              <input
                type="radio"
                name="mode"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                }}
              />
              <span>
                <strong>{MODE_LABELS[m].label}</strong>: {MODE_LABELS[m].hint}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {mutation.isError ? (
        <p className="error" role="alert">
          {describeApiError(mutation.error)}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Starting…' : 'Start a session'}
      </button>
    </form>
  );
}
