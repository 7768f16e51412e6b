import type { AnswersByItem } from '#domain/lesson/answers';
import { getSectionProgress } from '#domain/lesson/answers';
import type { StudentLesson as Lesson } from '#domain/lesson/answer-key-schemas';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';

/** Every section with how far the student is in it; a way to jump around. */
export function SectionList({
  shareKey,
  lesson,
  answers,
  skippedItemIds,
  currentSectionId,
}: {
  readonly shareKey: string;
  readonly lesson: Lesson;
  readonly answers: AnswersByItem;
  readonly skippedItemIds: ReadonlySet<string>;
  readonly currentSectionId?: string;
}) {
  return (
    <ol className="section-list">
      {lesson.sections.map((section, index) => {
        const progress = getSectionProgress(section, answers, skippedItemIds);
        const done = progress.answered + progress.skipped;
        const isCurrent = section.id === currentSectionId;
        return (
          <li key={section.id} className={isCurrent ? 'current' : undefined}>
            <Link
              to={routes.lessonSection.build({ shareKey, sectionId: section.id })}
              aria-current={isCurrent ? 'page' : undefined}
            >
              {index + 1}. {section.title}
            </Link>{' '}
            <span className={progress.isComplete ? 'badge badge-done' : 'badge'}>
              {progress.isComplete ? 'complete' : `${done} of ${progress.total} done`}
            </span>
          </li>
        );
      })}
      <li>
        <Link to={routes.lessonReview.build({ shareKey })}>Review your work</Link>
      </li>
    </ol>
  );
}

export function TableOfContents(props: Parameters<typeof SectionList>[0]) {
  return (
    <details className="toc">
      <summary>All sections</summary>
      <nav aria-label="All sections">
        <SectionList {...props} />
      </nav>
    </details>
  );
}
