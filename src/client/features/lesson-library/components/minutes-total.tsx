import { useMemo } from 'react';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import type { DraftLesson } from '../lib/draft-lesson';
import { describeRange } from '../lib/describe-lesson';

/** The lesson's total minutes as it is built: in class and alone, core and with extensions. */
export function MinutesTotal({ draft }: { readonly draft: DraftLesson }) {
  const duration = useMemo(
    () =>
      lessonDuration({
        // The duration model reads a prompt's length from its guidance, as the lesson has it.
        sections: draft.sections.map((section) => ({
          paragraphs: section.paragraphs,
          items: section.items.map((item) =>
            item.kind === 'prompt' ? { ...item, guidance: { minWords: item.minWords } } : item,
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
    </dl>
  );
}
