import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { SessionMode } from '#domain/api/live-contracts';
import type { DeepLinkingAnswer } from '#domain/api/lti-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import {
  SessionModeChoices,
  type SessionModeLabels,
} from '#shared/components/session-mode-choices';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import {
  cancelDeepLinking,
  deepLinkingRequestQuery,
  pickableLessonsQuery,
  placeLesson,
} from '../api/deep-linking-api';

const MODE_LABELS: SessionModeLabels = {
  'teacher-paced': {
    label: 'Teacher-paced (live)',
    hint: 'You lead the class through it: the class sees the section you are on, and you open each question.',
  },
  'self-paced': {
    label: 'Self-paced',
    hint: 'Each student works through it alone, every question open, whenever they open the activity.',
  },
};

// The answer goes to the LMS by a page of the server, which posts it there: a full page load.
const goToLms = (answer: DeepLinkingAnswer) => {
  window.location.assign(answer.sendUrl);
};

/**
 * LTI deep linking: inside the LMS's "add an activity", the teacher picks a lesson of their
 * library and how it runs; the LMS then gets a link to it. Cancelling tells the LMS nothing was
 * picked.
 */
export function LessonPickerPage({ requestId }: { readonly requestId: string }) {
  const headingId = useId();
  const request = useQuery(deepLinkingRequestQuery(requestId));
  const library = useQuery(pickableLessonsQuery());
  // A link opens a session of a published version: drafts and archived lessons cannot.
  const usable = (library.data ?? []).filter((l) => l.publishedVersion !== null && !l.archived);
  const [chosen, setChosen] = useState<string | null>(null);
  const lessonId = usable.some((l) => l.lessonId === chosen)
    ? chosen
    : (usable[0]?.lessonId ?? null);
  const [mode, setMode] = useState<SessionMode>('teacher-paced');
  const place = useMutation({
    mutationFn: () => placeLesson(requestId, { lessonId: lessonId ?? '', mode }),
    onSuccess: goToLms,
  });
  const cancel = useMutation({
    mutationFn: () => cancelDeepLinking(requestId),
    onSuccess: goToLms,
  });
  const isSending = place.isPending || cancel.isPending || place.isSuccess || cancel.isSuccess;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (lessonId !== null) place.mutate();
  };

  return (
    <>
      <title>Add a lesson to your course</title>
      <h1 id={headingId}>Add a lesson to your course</h1>
      {request.isPending ? (
        <p role="status" className="loading">
          Loading your LMS’s request…
        </p>
      ) : request.isError ? (
        <ApiErrorAlert error={request.error} lead="This lesson cannot be added: " />
      ) : (
        <form className="panel" aria-labelledby={headingId} onSubmit={submit}>
          <p className="hint">
            Your LMS ({request.data.platform}) will get a link to the lesson you pick. Students who
            open it join its session under their LMS names.
          </p>
          <fieldset className="form-field">
            <legend>Lesson</legend>
            {library.isPending ? (
              <p role="status">Loading your lessons…</p>
            ) : library.isError ? (
              <ApiErrorAlert error={library.error} lead="Your lessons could not be loaded: " />
            ) : usable.length === 0 ? (
              <p className="hint">
                No lesson is published yet.{' '}
                <Link to={routes.lessonLibrary.build()}>Your lessons</Link>: write or import one,
                publish it, then add the activity again from your course.
              </p>
            ) : (
              <div className="choices">
                {usable.map((l) => (
                  <label key={l.lessonId} className="choice">
                    <input
                      type="radio"
                      name="lesson"
                      value={l.lessonId}
                      checked={lessonId === l.lessonId}
                      onChange={() => {
                        setChosen(l.lessonId);
                      }}
                    />
                    <span>
                      <strong>{l.title}</strong>
                      {l.builtIn ? ' (built in)' : ` (version ${l.publishedVersion ?? ''})`}
                    </span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <fieldset className="form-field">
            <legend>How the class works through it</legend>
            <SessionModeChoices labels={MODE_LABELS} mode={mode} onChange={setMode} />
          </fieldset>
          <ApiErrorAlert error={place.error ?? cancel.error} />
          <div className="button-row">
            <button
              type="submit"
              className="button button-primary"
              disabled={isSending || lessonId === null}
            >
              {place.isPending || place.isSuccess ? 'Adding…' : 'Add to the course'}
            </button>
            <button
              type="button"
              className="button"
              disabled={isSending}
              onClick={() => {
                cancel.mutate();
              }}
            >
              Cancel and go back to the LMS
            </button>
          </div>
        </form>
      )}
    </>
  );
}
