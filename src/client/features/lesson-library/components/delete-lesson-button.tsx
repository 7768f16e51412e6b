import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '#shared/components/confirm-button';
import { deleteLesson, forgetLesson, type LessonSummaryView } from '../api/library-api';
import { describeDeletion } from '../lib/describe-lesson';

/** Deletes a lesson after a confirmation that names the sessions deleted with it. */
export function DeleteLessonButton({
  lesson,
  onDeleted,
}: {
  readonly lesson: LessonSummaryView;
  readonly onDeleted: (title: string) => void;
}) {
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
    <ConfirmButton
      className="button button-small button-danger"
      isPending={mutation.isPending}
      error={mutation.error}
      title={`Delete “${lesson.title}”${withSessions}?`}
      message={describeDeletion(lesson.title, lesson.sessionCount)}
      confirmLabel={lesson.sessionCount === 0 ? 'Delete' : `Delete lesson${withSessions}`}
      onConfirm={() => {
        mutation.mutate();
      }}
    >
      Delete<span className="visually-hidden"> {lesson.title}</span>
    </ConfirmButton>
  );
}
