import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { DismissibleNotice } from '#shared/components/dismissible-notice';
import { useFocusOnArrival } from '#shared/hooks/use-focus-on-arrival';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { lessonLibraryQuery, type LessonSummaryView } from '../api/library-api';
import { ImportLessonForm } from './import-lesson-form';
import { LessonCard } from './lesson-card';
import { LibraryUnavailable } from './library-unavailable';

const TITLE = 'Your lessons';

function LessonList({
  heading,
  lessons,
  empty,
  onNotice,
}: {
  readonly heading: string;
  readonly lessons: readonly LessonSummaryView[];
  readonly empty: string;
  readonly onNotice: (notice: string) => void;
}) {
  return (
    <section aria-label={heading}>
      <h2>
        {heading} ({lessons.length})
      </h2>
      {lessons.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="lesson-list">
          {lessons.map((lesson) => (
            <LessonCard key={lesson.lessonId} lesson={lesson} onNotice={onNotice} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** /teach/lessons: the built-in lessons and the teacher's own, with what can be done to each. */
export function LibraryPage() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const library = useQuery(lessonLibraryQuery());
  useFocusOnArrival(headingRef, 'library');
  if (library.isError) {
    return (
      <LibraryUnavailable
        title={TITLE}
        error={library.error}
        onRetry={() => {
          void library.refetch();
        }}
      />
    );
  }
  const showNotice = (text: string) => {
    setNotice(text);
    // The control that did it may be gone (a deleted lesson's card): the notice takes focus then.
    setTimeout(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) noticeRef.current?.focus();
    }, 100);
  };
  const lessons = library.data ?? [];
  const own = lessons.filter((l) => !l.builtIn && !l.archived);
  const builtIn = lessons.filter((l) => l.builtIn);
  const archived = lessons.filter((l) => !l.builtIn && l.archived);
  return (
    <>
      <title>{TITLE}</title>
      <p className="breadcrumbs">
        <Link to={routes.teach.build()}>Your sessions</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {TITLE}
      </h1>
      <DismissibleNotice
        notice={notice}
        onDismiss={() => {
          setNotice(null);
        }}
        ref={noticeRef}
      />
      <p className="button-row">
        <Link className="button button-primary" to={routes.newLesson.build()}>
          New lesson from an article
        </Link>
      </p>
      {library.isPending ? (
        <p role="status">Loading your lessons…</p>
      ) : (
        <>
          <LessonList
            heading="My lessons"
            lessons={own}
            empty="You have no lessons of your own yet. Start one from an article, duplicate a built-in lesson or import a file."
            onNotice={showNotice}
          />
          <LessonList
            heading="Built-in lessons"
            lessons={builtIn}
            empty="This install has no built-in lessons."
            onNotice={showNotice}
          />
          {archived.length > 0 ? (
            <LessonList
              heading="Archived lessons"
              lessons={archived}
              empty=""
              onNotice={showNotice}
            />
          ) : null}
        </>
      )}
      <ImportLessonForm />
    </>
  );
}
