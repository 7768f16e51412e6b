import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import {
  archiveLesson,
  duplicateLesson,
  lessonFilePath,
  storeLessonDetail,
  storeLessonSummary,
  type LessonSummaryView,
} from '../api/library-api';
import {
  describeMinutes,
  describeSessions,
  describeStatus,
  formatChanged,
} from '../lib/describe-lesson';
import { DeleteLessonButton } from './delete-lesson-button';
import { ShareControls } from './share-controls';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/** One lesson of the library: its facts and what the teacher can do with it. */
export function LessonCard({
  lesson,
  onNotice,
}: {
  readonly lesson: LessonSummaryView;
  /** Says what an action did, in the page's notice. */
  readonly onNotice: (notice: string) => void;
}) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const duplicate = useMutation({
    mutationFn: () => duplicateLesson(lesson.lessonId),
    onSuccess: (detail) => {
      storeLessonDetail(queryClient, detail);
      navigate(routes.lessonEditor.build({ lessonId: detail.summary.lessonId }));
    },
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => archiveLesson(lesson.lessonId, archived),
    onSuccess: (summary) => {
      storeLessonSummary(queryClient, summary);
      onNotice(
        summary.archived
          ? `“${summary.title}” is archived: it is kept for its reports, and no new session can use it.`
          : `“${summary.title}” is back among your lessons.`,
      );
    },
  });
  const name = <span className="visually-hidden"> {lesson.title}</span>;
  const error = duplicate.error ?? archive.error;
  return (
    <li>
      <article className="lesson-card" aria-labelledby={headingId}>
        <h3 id={headingId}>
          <Link to={routes.lessonEditor.build({ lessonId: lesson.lessonId })}>{lesson.title}</Link>
        </h3>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            {lesson.builtIn ? 'Built in, read-only' : describeStatus(lesson)}
            {lesson.archived ? ' (archived)' : ''}
          </dd>
          <dt>Last changed</dt>
          <dd>{formatChanged(lesson.updatedAt)}</dd>
          <dt>Sessions</dt>
          <dd>{describeSessions(lesson.sessionCount)}</dd>
          <dt>Sections</dt>
          <dd>{lesson.sectionCount}</dd>
          <dt>Minutes</dt>
          <dd>{describeMinutes(lesson.minutes)}</dd>
        </dl>
        <div className="button-row">
          <Link
            className="button button-small"
            to={routes.lessonEditor.build({ lessonId: lesson.lessonId })}
          >
            {lesson.builtIn ? 'Open' : 'Edit'}
            {name}
          </Link>
          <button
            type="button"
            className="button button-small"
            disabled={duplicate.isPending}
            onClick={() => {
              duplicate.mutate();
            }}
          >
            {duplicate.isPending ? 'Duplicating…' : 'Duplicate'}
            {name}
          </button>
          {lesson.publishedVersion !== null || lesson.builtIn ? (
            <a className="button button-small" href={lessonFilePath(lesson.lessonId)} download>
              Export file{name}
            </a>
          ) : null}
          {lesson.builtIn ? null : (
            <button
              type="button"
              className="button button-small"
              disabled={archive.isPending}
              onClick={() => {
                archive.mutate(!lesson.archived);
              }}
            >
              {lesson.archived ? 'Unarchive' : 'Archive'}
              {name}
            </button>
          )}
          {lesson.builtIn ? null : (
            <DeleteLessonButton
              lesson={lesson}
              onDeleted={(title) => {
                onNotice(`“${title}” was deleted.`);
              }}
            />
          )}
        </div>
        <ApiErrorAlert error={error} />
        {lesson.publishedVersion !== null || lesson.builtIn ? (
          <ShareControls lesson={lesson} />
        ) : (
          <p className="hint">Publish the lesson to export it or share a self-study link.</p>
        )}
      </article>
    </li>
  );
}
