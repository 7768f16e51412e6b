import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_PROBLEMS } from '#domain/lesson/lesson-file';
import { ProblemList } from './problem-list';

const problems = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    path: `sections[${index}].title`,
    message: 'must not be empty',
  }));

const render = (count: number, moreProblems?: number) =>
  renderToStaticMarkup(
    <ProblemList
      problems={problems(count)}
      moreProblems={moreProblems}
      fieldOf={(path) => path}
      onGoToField={() => undefined}
      headingRef={null}
    />,
  );

describe('ProblemList', () => {
  it('counts the problems the server did not list, and says so after the list', () => {
    const html = render(MAX_REPORTED_PROBLEMS, 13_903);
    expect(html).toContain('14003 problems to fix before publishing');
    expect(html.match(/<li>/g)).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(html).toContain('…and 13,903 more problems');
  });

  it(`lists no more than ${MAX_REPORTED_PROBLEMS} of its own problems either`, () => {
    const html = render(MAX_REPORTED_PROBLEMS + 1);
    expect(html.match(/<li>/g)).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(html).toContain('…and 1 more problem:');
  });

  it('says nothing more when the list is whole', () => {
    expect(render(2)).not.toContain('more problem');
  });
});
