import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  shareLesson,
  sharedLessonUrl,
  storeLessonSummary,
  type LessonSummaryView,
} from '../api/library-api';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/** The lesson's self-study link: on or off, and the link with a copy button while on. */
export function ShareControls({ lesson }: { readonly lesson: LessonSummaryView }) {
  const linkId = useId();
  const queryClient = useQueryClient();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const mutation = useMutation({
    mutationFn: (shared: boolean) => shareLesson(lesson.lessonId, shared),
    onSuccess: (summary) => {
      setCopyState('idle');
      storeLessonSummary(queryClient, summary);
    },
  });
  const url = lesson.shareKey === null ? null : sharedLessonUrl(lesson.shareKey, location.origin);
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState('copied');
    } catch (error) {
      console.warn('The link could not be copied.', error);
      setCopyState('failed');
    }
  };
  return (
    <div className="share-controls">
      {url !== null ? (
        <div className="form-field">
          <label htmlFor={linkId}>
            Self-study link<span className="visually-hidden"> to {lesson.title}</span>
          </label>
          <div className="copy-row">
            <input
              id={linkId}
              className="text-input mono"
              readOnly
              value={url}
              onFocus={(event) => {
                event.target.select();
              }}
            />
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                void copy(url);
              }}
            >
              Copy link<span className="visually-hidden"> to {lesson.title}</span>
            </button>
          </div>
          <p className="hint" role="status">
            {copyState === 'copied'
              ? 'Link copied.'
              : copyState === 'failed'
                ? 'Could not copy: select the link and copy it.'
                : lesson.builtIn
                  ? 'Anyone with the link can study this lesson on their own.'
                  : 'Anyone with the link can study the published version on their own, without an account.'}
          </p>
        </div>
      ) : null}
      {lesson.builtIn ? null : (
        <button
          type="button"
          className="button button-small"
          disabled={mutation.isPending}
          onClick={() => {
            mutation.mutate(url === null);
          }}
        >
          {url === null ? 'Share a self-study link' : 'Stop sharing the link'}
          <span className="visually-hidden"> of {lesson.title}</span>
        </button>
      )}
      <ApiErrorAlert error={mutation.error} />
    </div>
  );
}
