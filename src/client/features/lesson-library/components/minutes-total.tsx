import { useMemo } from 'react';
import type { LessonReadingLevel } from '#domain/api/lesson-library-contracts';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import type { DraftLesson } from '../lib/draft-lesson';
import { describeGrade, describeRange } from '../lib/describe-lesson';

/**
 * The lesson's minutes as it is built, computed from its content by the duration model: in
 * class and alone, core and with extensions; and the grade level of the article's text as last
 * saved, which the server computes (its packages would grow every page's first download).
 */
export function MinutesTotal({
  draft,
  readingLevel,
}: {
  readonly draft: DraftLesson;
  readonly readingLevel: LessonReadingLevel | null;
}) {
  const duration = useMemo(
    () =>
      lessonDuration({
        // The duration model reads a prompt's length from its guidance, as the lesson has it.
        sections: draft.sections.map((section) => ({
          paragraphs: section.paragraphs,
          items: section.items.map((item) =>
            item.kind === 'prompt'
              ? { ...item, guidance: { minWords: item.minWords, searches: item.searches } }
              : item,
          ),
        })),
      }),
    [draft.sections],
  );
  return (
    <dl className="minutes-total">
      <dt>In class</dt>
      <dd>
        {describeRange(duration.classroom)}
        <span className="hint">
          {' '}
          (core
          {duration.classroom.core === duration.classroom.withExtensions ? '' : '–with extensions'})
        </span>
      </dd>
      <dt>Alone</dt>
      <dd>
        {describeRange(duration.selfStudy)}
        <span className="hint"> (reading and answering)</span>
      </dd>
      <dt>Reading level (as saved)</dt>
      <dd>
        {describeGrade(readingLevel)}
        {readingLevel && (
          <span className="hint">
            {' '}
            (Flesch-Kincaid, {readingLevel.words.toLocaleString('en')} words)
          </span>
        )}
      </dd>
    </dl>
  );
}
