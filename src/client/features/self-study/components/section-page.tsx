import { useEffect, useId, useRef } from 'react';
import { getLessonProgress, getSectionProgress } from '#domain/lesson/answers';
import type { StudentLesson as Lesson } from '#domain/lesson/answer-key-schemas';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { useSelfStudy } from '../stores/use-self-study';
import { ArticleText } from '#shared/components/article-text';
import { useFocusOnArrival } from '#shared/hooks/use-focus-on-arrival';
import { ItemCard } from './item-card';
import { TableOfContents } from './table-of-contents';

export function SectionPage({
  shareKey,
  lesson,
  sectionId,
}: {
  readonly shareKey: string;
  readonly lesson: Lesson;
  readonly sectionId: string;
}) {
  const study = useSelfStudy(shareKey, lesson);
  const { visitSection } = study;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryHeadingId = useId();
  const index = lesson.sections.findIndex((s) => s.id === sectionId);
  const section = lesson.sections[index];

  useEffect(() => {
    if (section) visitSection(section.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- visitSection is re-bound each render
  }, [section]);
  useFocusOnArrival(headingRef, sectionId);

  // Skipping removes the skip button: move on to the next question, or to the summary it opens.
  const itemHeadings = useRef(new Map<string, HTMLHeadingElement>());
  const summaryHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusAfter = (itemIndex: number) => {
    const nextItem = section?.items[itemIndex + 1];
    const target = nextItem ? itemHeadings.current.get(nextItem.id) : summaryHeadingRef.current;
    target?.focus();
  };

  if (!section) {
    return (
      <>
        <title>Section not found</title>
        <h1 ref={headingRef} tabIndex={-1}>
          Section not found
        </h1>
        <p>
          This lesson has no section called “{sectionId}”.{' '}
          <Link to={routes.lessonHome.build({ shareKey })}>Go to the lesson’s start</Link>.
        </p>
      </>
    );
  }

  const sectionProgress = getSectionProgress(section, study.answers, study.skippedItemIds);
  const lessonProgress = getLessonProgress(lesson, study.answers, study.skippedItemIds);
  const previous = lesson.sections[index - 1];
  const next = lesson.sections[index + 1];
  const remaining = sectionProgress.total - sectionProgress.answered - sectionProgress.skipped;

  return (
    <>
      <title>{`${section.title}: section ${index + 1} of ${lesson.sections.length}`}</title>
      <div className="section-header">
        <p className="section-count">
          Section {index + 1} of {lesson.sections.length}
        </p>
        <progress
          className="progress"
          max={lessonProgress.totalItems}
          value={lessonProgress.doneItems}
          aria-label="Lesson progress"
          aria-valuetext={`${lessonProgress.doneItems} of ${lessonProgress.totalItems} questions done`}
        />
        <TableOfContents
          shareKey={shareKey}
          lesson={lesson}
          answers={study.answers}
          skippedItemIds={study.skippedItemIds}
          currentSectionId={section.id}
        />
      </div>
      <h1 ref={headingRef} tabIndex={-1} className="section-title" lang={lesson.metadata.language}>
        {section.title}
      </h1>
      <ArticleText
        paragraphs={section.paragraphs}
        glossary={lesson.glossary}
        lang={lesson.metadata.language}
      />
      <div className="items">
        {section.items.map((item, i) => (
          <ItemCard
            key={item.id}
            item={item}
            position={i + 1}
            count={section.items.length}
            answer={study.answers[item.id]}
            isSkipped={study.skippedItemIds.has(item.id)}
            headingRef={(element) => {
              if (element) itemHeadings.current.set(item.id, element);
              else itemHeadings.current.delete(item.id);
            }}
            onAnswer={(answer) => {
              study.answerItem(item.id, answer);
            }}
            onSkip={() => {
              study.skipItem(item.id);
              focusAfter(i);
            }}
          />
        ))}
      </div>
      <section className="summary" aria-labelledby={summaryHeadingId}>
        <h2 id={summaryHeadingId} ref={summaryHeadingRef} tabIndex={-1}>
          Section summary
        </h2>
        {sectionProgress.isComplete ? (
          <p lang={lesson.metadata.language}>{section.summary}</p>
        ) : (
          <p className="hint" role="status">
            Answer or skip{' '}
            {remaining === 1 ? 'the last question' : `the ${remaining} remaining questions`} to open
            the summary.
          </p>
        )}
      </section>
      <nav className="pager" aria-label="Previous and next section">
        {previous ? (
          <Link
            to={routes.lessonSection.build({ shareKey, sectionId: previous.id })}
            className="button"
            rel="prev"
          >
            <span aria-hidden="true">← </span>Previous: {previous.title}
          </Link>
        ) : (
          <Link to={routes.lessonHome.build({ shareKey })} className="button">
            <span aria-hidden="true">← </span>Lesson overview
          </Link>
        )}
        {next ? (
          <Link
            to={routes.lessonSection.build({ shareKey, sectionId: next.id })}
            className="button button-primary"
            rel="next"
          >
            Next: {next.title}
            <span aria-hidden="true"> →</span>
          </Link>
        ) : (
          <Link to={routes.lessonReview.build({ shareKey })} className="button button-primary">
            Review your work<span aria-hidden="true"> →</span>
          </Link>
        )}
      </nav>
      {next ? null : (
        <p className="hint">
          On a shared device? Your review ends with a button that clears your answers from it.
        </p>
      )}
    </>
  );
}
