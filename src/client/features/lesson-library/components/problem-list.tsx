import type { Ref } from 'react';
import { MAX_REPORTED_PROBLEMS } from '#domain/lesson/lesson-file';
import { describeFieldPath, fieldDomId, type EditorProblem } from '../lib/problems';

/** Moves focus to a field: the element itself, or the first control inside it (a group). */
export function focusField(path: string): void {
  const element = document.getElementById(fieldDomId(path));
  if (!element) return;
  const control = element.matches('input, textarea, select, button, [tabindex]')
    ? element
    : element.querySelector<HTMLElement>('input, textarea, select, button');
  (control ?? element).focus();
  element.scrollIntoView({ block: 'center' });
}

/** "1 problem", "3 problems". */
export const countProblems = (count: number) => (count === 1 ? '1 problem' : `${count} problems`);

/**
 * Problems beyond the first MAX_REPORTED_PROBLEMS, as a last line of a list: "and 13,903 more
 * problems", or nothing. The server lists no more than that many; the editor shows as many.
 */
export function MoreProblems({ count }: { readonly count: number }) {
  if (count <= 0) return null;
  return (
    <p className="hint">
      …and {count.toLocaleString('en')} more {count === 1 ? 'problem' : 'problems'}: fix these
      first, and the rest will be listed.
    </p>
  );
}

/**
 * The problems of the draft at the top of the editor (the first MAX_REPORTED_PROBLEMS, then
 * how many more), each a link to the field it is shown beside (`fieldOf`).
 */
export function ProblemList({
  problems,
  moreProblems = 0,
  fieldOf,
  onGoToField,
  headingRef,
}: {
  readonly problems: readonly EditorProblem[];
  /** Problems the server found beyond those it listed. */
  readonly moreProblems?: number;
  readonly fieldOf: (path: string) => string;
  readonly onGoToField: (field: string) => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
}) {
  const listed = problems.slice(0, MAX_REPORTED_PROBLEMS);
  const more = problems.length - listed.length + moreProblems;
  const count = countProblems(problems.length + moreProblems);
  return (
    <section className="problem-list" aria-labelledby="problem-list-heading">
      <h2 id="problem-list-heading" ref={headingRef} tabIndex={-1}>
        {problems.length === 0
          ? 'No problems: the lesson can be published'
          : `${count} to fix before publishing`}
      </h2>
      {problems.length > 0 ? (
        <ul>
          {listed.map((problem, index) => {
            const field = fieldOf(problem.path);
            return (
              <li key={index}>
                <a
                  href={`#${fieldDomId(field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onGoToField(field);
                    focusField(field);
                  }}
                >
                  {describeFieldPath(problem.path)}
                </a>
                : {problem.message}
              </li>
            );
          })}
        </ul>
      ) : null}
      <MoreProblems count={more} />
    </section>
  );
}
