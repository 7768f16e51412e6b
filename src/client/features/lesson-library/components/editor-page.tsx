import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useFocusOnArrival } from '#shared/hooks/use-focus-on-arrival';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import {
  duplicateLesson,
  lessonDetailQuery,
  lessonFilePath,
  storeLessonDetail,
  type LessonDetailView,
} from '../api/library-api';
import { readDraft } from '../lib/read-draft';
import { LessonEditor } from './lesson-editor';
import { LessonPreview } from './lesson-preview';
import { LibraryUnavailable } from './library-unavailable';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/** A built-in lesson: read-only, shown as a student sees it, with "Duplicate to edit". */
function BuiltInLesson({ detail }: { readonly detail: LessonDetailView }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, detail.summary.lessonId);
  const queryClient = useQueryClient();
  const draft = useMemo(() => readDraft(detail.published?.lesson ?? {}), [detail]);
  const duplicate = useMutation({
    mutationFn: () => duplicateLesson(detail.summary.lessonId),
    onSuccess: (copy) => {
      storeLessonDetail(queryClient, copy);
      navigate(routes.lessonEditor.build({ lessonId: copy.summary.lessonId }));
    },
  });
  return (
    <>
      <title>{detail.summary.title}</title>
      <h1 ref={headingRef} tabIndex={-1}>
        {detail.summary.title}
      </h1>
      <p className="lead">
        A built-in lesson: it cannot be changed here. Duplicate it to make a copy of your own to
        edit.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={duplicate.isPending}
          onClick={() => {
            duplicate.mutate();
          }}
        >
          {duplicate.isPending ? 'Duplicating…' : 'Duplicate to edit'}
        </button>
        <a className="button" href={lessonFilePath(detail.summary.lessonId)} download>
          Export file
        </a>
      </div>
      <ApiErrorAlert error={duplicate.error} />
      <LessonPreview draft={draft} />
    </>
  );
}

/** /teach/lessons/:lessonId: a lesson of the library, to edit (or, built in, to read). */
export function EditorPage({ lessonId }: { readonly lessonId: string }) {
  const lesson = useQuery(lessonDetailQuery(lessonId));
  let content;
  if (lesson.isPending) {
    content = <p role="status">Loading the lesson…</p>;
  } else if (lesson.isError) {
    content = (
      <LibraryUnavailable
        title="Lesson"
        error={lesson.error}
        onRetry={() => {
          void lesson.refetch();
        }}
      />
    );
  } else if (lesson.data.summary.builtIn) {
    content = <BuiltInLesson detail={lesson.data} />;
  } else {
    content = <LessonEditor detail={lesson.data} />;
  }
  return (
    <>
      <p className="breadcrumbs">
        <Link to={routes.lessonLibrary.build()}>Your lessons</Link>
      </p>
      {content}
    </>
  );
}
