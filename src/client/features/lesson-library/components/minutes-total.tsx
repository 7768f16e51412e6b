import { useMemo } from 'react';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import { readingLevel } from '#domain/lesson/reading-level';
import type { DraftLesson } from '../lib/draft-lesson';
import { describeGrade, describeRange } from '../lib/describe-lesson';

/**
 * The lesson's minutes as it is built, computed from its content by the duration model: in
 * class and alone, core and with extensions; and the grade level of the article's text.
 */
export function MinutesTotal({ draft }: { readonly draft: DraftLesson }) {
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
  // Read again only when the text changes, not at every keystroke in a question.
  const text = draft.sections
    .flatMap((section) => section.paragraphs.map((p) => p.text))
    .join('\n');
  const level = useMemo(() => readingLevel(text), [text]);
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
      <dt>Reading level</dt>
      <dd>
        {describeGrade(level.grade, level.words)}
        <span className="hint"> (Flesch-Kincaid, {level.words.toLocaleString('en')} words)</span>
      </dd>
    </dl>
  );
}
