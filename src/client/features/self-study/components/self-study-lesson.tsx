import { lazy, Suspense, useRef } from 'react';
import { useFocusOnArrival } from '#shared/hooks/use-focus-on-arrival';
import { describeApiError, isApiError, NetworkError } from '#shared/lib/api-client';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import type { StudentLessonVersion } from '#domain/api/lesson-library-contracts';
import { useLessonWithDoneKeys } from '../api/answer-keys';
import { useSharedLesson } from '../api/shared-lesson';
import { HomePage } from './home-page';
import { SectionPage } from './section-page';

// The review is the last page of a lesson: not part of the first download.
const ReviewPage = lazy(async () => ({ default: (await import('./review-page')).ReviewPage }));

/** Which page of a lesson's self-study to show. */
export type SelfStudyView =
  | { readonly page: 'home' }
  | { readonly page: 'section'; readonly sectionId: string }
  | { readonly page: 'review' };

function Loading({ text }: { readonly text: string }) {
  return (
    <p role="status" className="loading">
      {text}
    </p>
  );
}

/** Why the lesson cannot be shown, and what the student can do about it. */
function LessonUnavailable({
  error,
  onRetry,
}: {
  readonly error: unknown;
  readonly onRetry: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, 'lesson-unavailable');
  const isMissing = isApiError(error, 'lesson_not_found') || isApiError(error, 'not_found');
  if (isMissing) {
    return (
      <>
        <title>Lesson not found</title>
        <h1 ref={headingRef} tabIndex={-1}>
          There is no lesson at this link
        </h1>
        <p>
          The link may be mistyped, or the teacher who shared the lesson has withdrawn it. Ask them
          for a new link.
        </p>
        <p>
          <Link to={routes.home.build()}>Go to the home page</Link>
        </p>
      </>
    );
  }
  const isOffline = error instanceof NetworkError && !navigator.onLine;
  return (
    <>
      <title>Lesson not loaded</title>
      <h1 ref={headingRef} tabIndex={-1}>
        {isOffline ? 'You are offline' : 'The lesson could not be loaded'}
      </h1>
      <p role="alert">
        {isOffline
          ? 'This lesson is not saved on this device yet: a lesson opened once with a connection keeps working offline. Connect to the internet and it opens by itself.'
          : describeApiError(error)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </>
  );
}

/** A lesson shared by link (`shareKey`), loaded as data: its home, a section or the review. */
export function SelfStudyLesson({
  shareKey,
  view,
}: {
  readonly shareKey: string;
  readonly view: SelfStudyView;
}) {
  const { state, retry } = useSharedLesson(shareKey);
  if (state.status === 'loading') return <Loading text="Loading the lesson…" />;
  if (state.status === 'failed') return <LessonUnavailable error={state.error} onRetry={retry} />;
  return <LessonPage shareKey={shareKey} version={state.version} view={view} />;
}

/** One page of a loaded lesson, with the answer keys of the items the student has done. */
function LessonPage({
  shareKey,
  version,
  view,
}: {
  readonly shareKey: string;
  readonly version: StudentLessonVersion;
  readonly view: SelfStudyView;
}) {
  const lesson = useLessonWithDoneKeys(shareKey, version);
  switch (view.page) {
    case 'home':
      return <HomePage shareKey={shareKey} lesson={lesson} />;
    case 'section':
      return <SectionPage shareKey={shareKey} lesson={lesson} sectionId={view.sectionId} />;
    case 'review':
      return (
        <Suspense fallback={<Loading text="Loading your review…" />}>
          <ReviewPage shareKey={shareKey} lesson={lesson} />
        </Suspense>
      );
  }
}
