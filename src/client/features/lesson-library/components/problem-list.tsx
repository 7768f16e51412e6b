import type { Ref } from 'react';
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

/**
 * Every problem of the draft at the top of the editor, each a link to the field it is shown
 * beside (`fieldOf`).
 */
export function ProblemList({
  problems,
  fieldOf,
  onGoToField,
  headingRef,
}: {
  readonly problems: readonly EditorProblem[];
  readonly fieldOf: (path: string) => string;
  readonly onGoToField: (field: string) => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
}) {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return (
    <section className="problem-list" aria-labelledby="problem-list-heading">
      <h2 id="problem-list-heading" ref={headingRef} tabIndex={-1}>
        {problems.length === 0
          ? 'No problems: the lesson can be published'
          : `${count} to fix before publishing`}
      </h2>
      {problems.length > 0 ? (
        <ul>
          {problems.map((problem, index) => {
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
    </section>
  );
}
