import { useMemo } from 'react';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import type { DraftLesson } from '../lib/draft-lesson';
import { describeRange } from '../lib/describe-lesson';

/** The lesson's total minutes as it is built: in class and alone, core and with extensions. */
export function MinutesTotal({ draft }: { readonly draft: DraftLesson }) {
  const duration = useMemo(
    () =>
      lessonDuration({
        // A section's minutes not given yet count as none.
        sections: draft.sections.map((section) => ({
          ...section,
          minutes: { core: section.minutes.core ?? 0, extension: section.minutes.extension ?? 0 },
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
