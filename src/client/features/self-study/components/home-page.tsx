import { lazy, Suspense, useEffect, useRef } from 'react';
import { getLessonProgress } from '#domain/lesson/answers';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import type { StudentLesson as Lesson } from '#domain/lesson/answer-key-schemas';
import { useFocusOnArrival } from '#shared/hooks/use-focus-on-arrival';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { describeMinutes } from '../lib/describe-minutes';
import { useKeptOffline } from '../api/offline-copy';
import { useSelfStudy } from '../stores/use-self-study';
import { SectionList } from './table-of-contents';

// Shown only to a student resuming work: not part of a first visit's download.
const StartOverButton = lazy(async () => ({
  default: (await import('./start-over-button')).StartOverButton,
}));

/** The lesson's front page: what it is, and where to start or resume self-study. */
export function HomePage({
  shareKey,
  lesson,
}: {
  readonly shareKey: string;
  readonly lesson: Lesson;
}) {
  const study = useSelfStudy(shareKey, lesson);
  const isKeptOffline = useKeptOffline(shareKey);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, 'home');
  // Starting over (here or in another tab) removes the buttons: focus the self-study heading.
  const selfStudyHeadingRef = useRef<HTMLHeadingElement>(null);
  const hadStartedRef = useRef(study.hasStarted);
  useEffect(() => {
    const wasLost = document.activeElement === null || document.activeElement === document.body;
    if (hadStartedRef.current && !study.hasStarted && wasLost) selfStudyHeadingRef.current?.focus();
    hadStartedRef.current = study.hasStarted;
  }, [study.hasStarted]);
  const { metadata } = lesson;
  const duration = lessonDuration(lesson);
  const progress = getLessonProgress(lesson, study.answers, study.skippedItemIds);
  const firstSection = lesson.sections[0];
  const resumeIndex = Math.max(
    0,
    lesson.sections.findIndex((s) => s.id === study.lastSectionId),
  );
  const resumeSection = lesson.sections[resumeIndex] ?? firstSection;

  return (
    <>
      <title>{metadata.title}</title>
      <h1 ref={headingRef} tabIndex={-1} lang={metadata.language}>
        {metadata.title}
      </h1>
      <p className="lead" lang={metadata.language}>
        {metadata.subtitle}
      </p>
      <dl className="facts">
        <dt>Article</dt>
        <dd>
          “{metadata.source.headline}”, {metadata.source.publication}, {metadata.source.published}
        </dd>
        <dt>Author</dt>
        <dd>{metadata.source.authorDescription}</dd>
        <dt>Time</dt>
        <dd>
          About {describeMinutes(duration.selfStudy)} on your own,{' '}
          {describeMinutes(duration.classroom)} in class
        </dd>
        <dt>Sections</dt>
        <dd>{lesson.sections.length}</dd>
      </dl>

      <section className="start" aria-labelledby="self-study-heading">
        <h2 id="self-study-heading" ref={selfStudyHeadingRef} tabIndex={-1}>
          Self-study
        </h2>
        {study.hasStarted && resumeSection ? (
          <>
            <p>
              You have done {progress.doneItems} of {progress.totalItems} questions (
              {progress.completeSections} of {lesson.sections.length} sections complete).
            </p>
            <div className="button-row">
              <Link
                to={routes.lessonSection.build({ shareKey, sectionId: resumeSection.id })}
                className="button button-primary"
              >
                Resume at section {resumeIndex + 1}: {resumeSection.title}
              </Link>
              <Link to={routes.lessonReview.build({ shareKey })} className="button">
                Review your work
              </Link>
              <Suspense fallback={null}>
                <StartOverButton onConfirm={study.startOver} />
              </Suspense>
            </div>
          </>
        ) : firstSection ? (
          <>
            <p>
              Work through the article at your own pace. No account needed: your answers stay on
              this device, and the lesson keeps working offline after this first visit.
            </p>
            <Link
              to={routes.lessonSection.build({ shareKey, sectionId: firstSection.id })}
              className="button button-primary"
            >
              Start self-study
            </Link>
          </>
        ) : null}
        {/* Always in the page, so a screen reader hears it when the lesson is kept. */}
        <p role="status" className={isKeptOffline ? 'offline-ready' : 'offline-ready-pending'}>
          {isKeptOffline
            ? 'Ready offline: this lesson opens on this device without a connection.'
            : ''}
        </p>
      </section>

      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">Sections</h2>
        <SectionList
          shareKey={shareKey}
          lesson={lesson}
          answers={study.answers}
          skippedItemIds={study.skippedItemIds}
        />
      </section>
    </>
  );
}
