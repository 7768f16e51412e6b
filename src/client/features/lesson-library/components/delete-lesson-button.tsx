import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '#shared/components/confirm-dialog';
import { deleteLesson, forgetLesson, type LessonSummaryView } from '../api/library-api';
import { describeDeletion } from '../lib/describe-lesson';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/** Deletes a lesson after a confirmation that names the sessions deleted with it. */
export function DeleteLessonButton({
  lesson,
  onDeleted,
}: {
  readonly lesson: LessonSummaryView;
  readonly onDeleted: (title: string) => void;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => deleteLesson(lesson.lessonId, lesson.sessionCount),
    onSuccess: () => {
      forgetLesson(queryClient, lesson.lessonId);
      onDeleted(lesson.title);
    },
  });
  const withSessions =
    lesson.sessionCount === 0
      ? ''
      : ` and ${lesson.sessionCount} ${lesson.sessionCount === 1 ? 'session' : 'sessions'}`;
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger"
        disabled={mutation.isPending}
        onClick={() => {
          setIsConfirming(true);
        }}
      >
        Delete<span className="visually-hidden"> {lesson.title}</span>
      </button>
      <ApiErrorAlert error={mutation.error} />
      <ConfirmDialog
        isOpen={isConfirming}
        title={`Delete “${lesson.title}”${withSessions}?`}
        message={describeDeletion(lesson.title, lesson.sessionCount)}
        confirmLabel={lesson.sessionCount === 0 ? 'Delete' : `Delete lesson${withSessions}`}
        onCancel={() => {
          setIsConfirming(false);
        }}
        onConfirm={() => {
          setIsConfirming(false);
          mutation.mutate();
        }}
      />
    </>
  );
}
